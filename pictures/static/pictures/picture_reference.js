/* The body editor's „Bild einfügen“: a django-prose-editor extension
 * (loaded by its configurable preset from DJANGO_PROSE_EDITOR_EXTENSIONS).
 *
 * A library picture in the text is stored as its id and a caption for this
 * use, nothing else (pictures/references.py):
 *   <figure data-picture="12"><figcaption>Caption</figcaption></figure>
 * The editor shows the picture (a thumbnail from the library's picker JSON,
 * pictures/admin.py) above the caption, which stays editable. The button
 * opens a picker: search over caption, alt text, photographer and source,
 * thumbnails to choose from, the caption prefilled with the picture's own.
 * Options (URLs, German labels) come from pictures/editor.py.
 */
import { canInsertNode, crel, Node } from "django-prose-editor/editor"

const infoCache = new Map()

const format = (text, values) =>
  text.replace(/%\((\w+)\)s/g, (_match, key) => values[key] ?? "")

const getJSON = async (url) => {
  const response = await fetch(url, {
    credentials: "same-origin",
    headers: { Accept: "application/json" },
  })
  if (!response.ok) throw new Error(`${response.status} ${url}`)
  return response.json()
}

const withQuery = (base, params) => {
  const url = new URL(base, window.location.href)
  for (const [key, value] of Object.entries(params)) {
    url.searchParams.set(key, value)
  }
  return url.toString()
}

/* One request per picture and page, shared by every figure showing it. */
const pictureInfo = (options, id) => {
  if (!infoCache.has(id)) {
    const request = getJSON(withQuery(options.pickerUrl, { id }))
      .then((data) => data.results[0] || null)
      .catch(() => {
        infoCache.delete(id)
        return undefined
      })
    infoCache.set(id, request)
  }
  return infoCache.get(id)
}

/* The caption of one use: a <figcaption> directly inside the figure. */
export const PictureCaption = Node.create({
  name: "pictureCaption",
  content: "inline*",
  isolating: true,

  parseHTML() {
    // Before the Caption extension's rule, but only inside our figure.
    return [{ tag: "figcaption", context: "pictureReference/", priority: 60 }]
  },

  renderHTML() {
    return ["figcaption", 0]
  },
})

const openPicker = (editor, options) => {
  const labels = options.labels
  let chosen = null
  let searchTimer = null
  let searchNumber = 0

  const search = crel("input", {
    type: "search",
    name: "q",
    id: "picture-picker-search",
    autocomplete: "off",
  })
  const results = crel("ul", {
    className: "picture-picker__results",
    "aria-label": labels.results,
  })
  const status = crel("p", {
    className: "picture-picker__status",
    "aria-live": "polite",
  })
  const caption = crel("input", {
    type: "text",
    name: "caption",
    id: "picture-picker-caption",
    size: 60,
  })
  const insert = crel("button", {
    type: "submit",
    textContent: labels.insert,
    disabled: true,
  })
  const cancel = crel("button", { type: "button", textContent: labels.cancel })
  const upload = crel("a", {
    href: options.addUrl,
    target: "_blank",
    rel: "noopener",
    textContent: labels.upload,
  })
  const form = crel("form", { className: "picture-picker" }, [
    crel("h3", { className: "prose-editor-dialog-title", textContent: labels.title }),
    crel("div", { className: "prose-editor-dialog-field" }, [
      crel("label", { htmlFor: search.id, textContent: labels.search }),
      search,
    ]),
    results,
    status,
    crel("div", { className: "prose-editor-dialog-field" }, [
      crel("label", { htmlFor: caption.id, textContent: labels.caption }),
      caption,
    ]),
    crel("p", { className: "picture-picker__upload" }, [upload]),
    crel("div", { className: "prose-editor-dialog-buttons" }, [insert, cancel]),
  ])
  const dialog = crel("dialog", { className: "prose-editor-dialog picture-picker-dialog" }, [
    form,
  ])
  editor.view.dom.parentElement.append(dialog)

  const choose = (picture, button) => {
    chosen = picture
    for (const other of results.querySelectorAll("button")) {
      other.setAttribute("aria-pressed", String(other === button))
    }
    caption.value = picture.caption
    insert.disabled = false
  }

  const show = (data) => {
    results.replaceChildren(
      ...data.results.map((picture) => {
        const button = crel(
          "button",
          {
            type: "button",
            className: "picture-picker__choice",
            "aria-pressed": "false",
          },
          [
            crel("img", {
              src: picture.thumbnail,
              alt: "",
              width: 160,
              height: 90,
              loading: "lazy",
            }),
            crel("span", {
              className: "picture-picker__caption",
              textContent: picture.caption || picture.alt,
            }),
            crel("span", {
              className: "picture-picker__credit",
              textContent: picture.credit,
            }),
          ],
        )
        button.addEventListener("click", () => choose(picture, button))
        button.addEventListener("dblclick", () => {
          choose(picture, button)
          form.requestSubmit()
        })
        return crel("li", {}, [button])
      }),
    )
    status.textContent = data.results.length
      ? data.more
        ? labels.more
        : ""
      : labels.empty
  }

  const load = async () => {
    const number = ++searchNumber
    try {
      const data = await getJSON(withQuery(options.pickerUrl, { q: search.value }))
      if (number === searchNumber) show(data)
    } catch (_error) {
      if (number === searchNumber) status.textContent = labels.error
    }
  }

  search.addEventListener("input", () => {
    clearTimeout(searchTimer)
    searchTimer = setTimeout(load, 250)
  })
  search.addEventListener("keydown", (event) => {
    if (event.key === "Enter") {
      event.preventDefault()
      clearTimeout(searchTimer)
      load()
    }
  })
  cancel.addEventListener("click", () => dialog.close())
  dialog.addEventListener("close", () => dialog.remove())
  form.addEventListener("submit", (event) => {
    event.preventDefault()
    if (!chosen) return
    const text = caption.value.trim()
    infoCache.set(String(chosen.id), Promise.resolve(chosen))
    dialog.close()
    editor
      .chain()
      .focus()
      .insertContent({
        type: "pictureReference",
        attrs: { picture: String(chosen.id) },
        content: [
          {
            type: "pictureCaption",
            content: text ? [{ type: "text", text }] : [],
          },
        ],
      })
      .run()
  })

  dialog.showModal()
  search.focus()
  load()
}

export const PictureReference = Node.create({
  name: "pictureReference",
  group: "block",
  // No <figcaption> stored (an imported figure): readers see the picture's
  // default caption, and the editor says so.
  content: "pictureCaption?",
  draggable: true,
  isolating: true,

  addOptions() {
    return { pickerUrl: "", addUrl: "", labels: {} }
  },

  addExtensions() {
    return [PictureCaption]
  },

  addAttributes() {
    return {
      picture: {
        default: null,
        parseHTML: (element) => element.getAttribute("data-picture"),
        renderHTML: (attributes) => ({ "data-picture": attributes.picture }),
      },
    }
  },

  parseHTML() {
    // Before the Figure extension's rule for every <figure>.
    return [{ tag: "figure[data-picture]", priority: 60 }]
  },

  renderHTML({ HTMLAttributes }) {
    return ["figure", { "data-picture": HTMLAttributes["data-picture"] }, 0]
  },

  addNodeView() {
    const options = this.options
    const labels = options.labels
    return ({ node }) => {
      const id = String(node.attrs.picture)
      const image = crel("img", { alt: "", className: "picture-reference__image" })
      image.hidden = true
      const note = crel("p", { className: "picture-reference__note" })
      const credit = crel("p", { className: "picture-reference__credit" })
      const media = crel("div", { className: "picture-reference__media" }, [
        image,
        credit,
        note,
      ])
      media.contentEditable = "false"
      const contentDOM = crel("div", { className: "picture-reference__caption" })
      const dom = crel("figure", { className: "picture-reference" }, [
        media,
        contentDOM,
      ])
      dom.dataset.picture = id

      let current = node
      const describe = (picture) => {
        if (picture === undefined) return // the request failed: say nothing
        if (picture === null) {
          note.textContent = format(labels.missing, { id })
          dom.classList.add("picture-reference--missing")
          return
        }
        image.src = picture.thumbnail
        image.alt = picture.alt
        image.hidden = false
        credit.textContent = picture.credit
          ? `${labels.credit}: ${picture.credit}`
          : ""
        const notes = []
        if (!picture.usable) notes.push(labels.hidden)
        if (current.childCount === 0 && picture.caption) {
          notes.push(format(labels.defaultCaption, { caption: picture.caption }))
        }
        note.textContent = notes.join(" ")
      }
      pictureInfo(options, id).then(describe)

      return {
        dom,
        contentDOM,
        update(updated) {
          if (updated.type.name !== "pictureReference") return false
          if (String(updated.attrs.picture) !== id) return false
          current = updated
          return true
        },
        ignoreMutation(mutation) {
          // Our own picture and notes are not the document.
          if (mutation.type === "selection") return false
          return media.contains(mutation.target)
        },
      }
    }
  },

  addCommands() {
    return {
      insertPictureReference:
        () =>
        ({ editor, state, dispatch }) => {
          if (!canInsertNode(state, state.schema.nodes[this.name])) return false
          if (dispatch) openPicker(editor, this.options)
          return true
        },
    }
  },

  addMenuItems({ menu, buttons }) {
    const label = this.options.labels.button
    menu.defineItem({
      name: "pictureReference",
      groups: "nodes",
      command(editor) {
        editor.chain().focus().insertPictureReference().run()
      },
      enabled(editor) {
        return editor.can().insertPictureReference()
      },
      button: buttons.material("add_photo_alternate", label),
    })
  },
})
