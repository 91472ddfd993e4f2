"""Import of WordPress exports (WXR): ``manage.py import_wordpress``.

* ``parser`` reads the file as a stream (defusedxml's ``iterparse``) into plain
  dataclasses;
* ``content`` turns WordPress post content into the article body (blocks,
  ``wpautop``, ``[caption]`` and other shortcodes, old image URLs);
* ``media`` finds images in a copy of ``wp-content/uploads`` or downloads them;
* ``importer`` maps everything onto the models, one transaction per post;
* ``steps`` is how feature apps import their part of a post (views, ratings,
  comments: each app's ``wordpress.py``), with the checked data of
  ``plugin_data``;
* ``report`` counts what happened, per kind;
* ``models`` remembers what became of each WordPress object, and the old
  addresses that ``middleware`` answers with 301.
"""
