/* Thumbnails in the admin's autocomplete for library pictures (an article's
 * featured image, an author's portrait): the site's autocomplete adds a
 * ``thumbnail`` (and ``credit``) to each picture it finds
 * (articles/newsroom/site.py, PictureAdmin.autocomplete_extra). Set as
 * select2's default before the admin's autocomplete.js starts its widgets;
 * results without a thumbnail (other models) show their text as before.
 */
"use strict"
{
  const $ = django.jQuery
  const result = (item) => {
    if (!item.thumbnail) return item.text
    const row = document.createElement("span")
    row.className = "picture-option"
    const image = document.createElement("img")
    image.src = item.thumbnail
    image.alt = ""
    image.width = 64
    image.height = 36
    const text = document.createElement("span")
    text.className = "picture-option__text"
    text.textContent = item.text
    if (item.credit) {
      const credit = document.createElement("span")
      credit.className = "picture-option__credit"
      credit.textContent = item.credit
      text.append(credit)
    }
    row.append(image, text)
    return $(row)
  }
  $.fn.select2.defaults.set("templateResult", result)
}
