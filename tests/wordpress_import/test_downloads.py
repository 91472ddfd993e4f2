"""Without --media-dir, images are downloaded: from a real HTTP server on
127.0.0.1 started by the test (no other network)."""

import threading
import time
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer

import pytest
from django.core.files.storage import default_storage
from django.utils import translation

from articles.models import Article
from pictures.models import Picture
from tests.wordpress_import.helpers import run
from wordpress_import.media import MediaError, MediaLibrary

pytestmark = pytest.mark.django_db


@pytest.fixture
def old_site(fixtures):
    """Serves tests/…/fixtures/uploads under /wp-content/uploads/."""
    uploads = fixtures / "uploads"

    class Handler(SimpleHTTPRequestHandler):
        def __init__(self, *args, **kwargs):
            super().__init__(*args, directory=str(uploads), **kwargs)

        def do_GET(self):
            if self.path.endswith("/kein-bild.jpg"):
                self.send_response(200)
                self.send_header("Content-Type", "image/jpeg")
                self.end_headers()
                self.wfile.write(b"<html>Das ist kein Bild</html>")
                return
            super().do_GET()

        def translate_path(self, path):
            if path.startswith("/slow/"):
                time.sleep(1)
            return super().translate_path(path.removeprefix("/wp-content/uploads"))

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def test_images_are_downloaded_and_failures_reported(fixtures, old_site, tmp_path):
    source = (fixtures / "magazin.xml").read_text()
    path = tmp_path / "export.xml"
    path.write_text(source.replace("https://magazin.example.org", old_site))
    report = run(path)

    article = Article.objects.get(slug="messe-hannover")
    assert article.picture.file.name == "wordpress/2023/05/messe.jpg"
    assert article.picture.width == 120
    gutenberg = Article.objects.get(slug="ki-im-vertrieb")
    diagram = Picture.objects.get(file="wordpress/2023/05/diagramm.png")
    assert f'<figure data-picture="{diagram.pk}">' in gutenberg.body
    # The resized copy and fehlt.jpg are not on the server: reported, URL kept.
    assert "images         created 2, updated 0, unchanged 0, skipped 2" in report
    assert "skipped 2: download failed (HTTP 404)" in report
    assert f"{old_site}/wp-content/uploads/2023/05/fehlt.jpg" in gutenberg.body


def test_download_that_is_not_an_image_is_refused(old_site):
    library = MediaLibrary()
    with (
        translation.override("en"),
        pytest.raises(MediaError, match="not an image or is damaged"),
    ):
        library.store(f"{old_site}/wp-content/uploads/2023/05/kein-bild.jpg")
    assert not library.stored


def test_paths_outside_the_uploads_are_refused(old_site):
    with pytest.raises(MediaError, match="not a WordPress upload"):
        MediaLibrary().store(f"{old_site}/wp-content/uploads/../../magazin.xml")


def test_download_times_out(old_site):
    library = MediaLibrary(timeout=0.2)
    with pytest.raises(MediaError, match="download failed"):
        library.store(f"{old_site}/slow/wp-content/uploads/2023/05/messe.jpg")


def test_dry_run_downloads_nothing(old_site):
    library = MediaLibrary(dry_run=True)
    with pytest.raises(MediaError, match="not downloaded in a dry run"):
        library.store(f"{old_site}/wp-content/uploads/2023/05/messe.jpg")


def test_stored_images_lose_their_metadata(tmp_path):
    from PIL import Image

    folder = tmp_path / "uploads" / "2020" / "01"
    folder.mkdir(parents=True)
    exif = Image.Exif()
    exif[0x010F] = "Kamerahersteller"  # Make
    exif[0x8825] = {2: (52.0, 31.0, 0.0)}  # GPS latitude
    Image.new("RGB", (40, 30), (10, 20, 30)).save(folder / "gps.jpg", "JPEG", exif=exif)
    with Image.open(folder / "gps.jpg") as original:
        assert original.getexif()
    library = MediaLibrary(media_dir=tmp_path / "uploads")
    name = library.store("https://alt.example.org/wp-content/uploads/2020/01/gps.jpg")
    assert name == "wordpress/2020/01/gps.jpg"
    with default_storage.open(name) as stored, Image.open(stored) as image:
        assert not image.getexif()
        assert image.size == (40, 30)
