"""Import of WordPress exports (WXR): ``manage.py import_wordpress``.

* ``parser`` reads the file as a stream (defusedxml's ``iterparse``) into plain
  dataclasses;
* ``content`` turns WordPress post content into the article body (blocks,
  ``wpautop``, ``[caption]`` and other shortcodes, old image URLs);
* ``media`` finds images in a copy of ``wp-content/uploads`` or downloads them;
* ``importer`` maps everything onto the models, one transaction per post;
* ``report`` counts what happened, per kind.
"""
