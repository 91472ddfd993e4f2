"""What discovery adds to the article page (``articles.hooks``): the JSON-LD,
a live part because the feature apps' counts in it move."""

from articles import hooks
from discovery.structured_data import render_json_ld

hooks.live_part("json_ld")(render_json_ld)
