"""The importer reads images from inside ``--media-dir`` only (issue #21, 8),
and stores them under the extension of their real format (18)."""

from pathlib import Path

import pytest
from django.conf import settings

from articles.models import Article
from tests.factories import image_file
from tests.wordpress_import.helpers import run
from tests.wordpress_import.wxr import attachment, featured, post, write_wxr

pytestmark = pytest.mark.django_db

UPLOADS = "https://magazin.example.org/wp-content/uploads"


@pytest.fixture
def private_scan(tmp_path) -> Path:
    """A valid image outside the media folder: what an attacker wants copied."""
    secret = tmp_path / "some" / "folder" / "private-scan.png"
    secret.parent.mkdir(parents=True)
    secret.write_bytes(image_file("private-scan.png", fmt="PNG").read())
    return secret


@pytest.fixture
def media_dir(tmp_path) -> Path:
    folder = tmp_path / "uploads"
    (folder / "2023" / "05").mkdir(parents=True)
    (folder / "2023" / "05" / "messe.jpg").write_bytes(image_file().read())
    return folder


def stored_files() -> list[str]:
    root = Path(settings.MEDIA_ROOT)
    return sorted(str(p.relative_to(root)) for p in root.rglob("*") if p.is_file())


def export_with_images(tmp_path, *urls: str) -> Path:
    parts = []
    for number, url in enumerate(urls, start=1):
        parts.append(attachment(wp_id=100 + number, url=url, parent=number))
        body = f'<p><img src="{url}" alt="Bild"></p>'
        parts.append(post(wp_id=number, content=body, extra=featured(100 + number)))
    return write_wxr(tmp_path / "export.xml", *parts)


def test_a_doubled_slash_with_an_absolute_path_reads_nothing_outside(
    tmp_path, media_dir, private_scan
):
    export = export_with_images(tmp_path, f"{UPLOADS}/{private_scan}")
    assert f"uploads//{str(private_scan).lstrip('/')}" in export.read_text()
    report = run(export, media_dir=media_dir)
    assert not any("private-scan" in name for name in stored_files()), stored_files()
    assert "not found in the media directory" in report
    assert Article.objects.get().picture is None


def test_a_symbolic_link_out_of_the_media_folder_is_refused(
    tmp_path, media_dir, private_scan
):
    (media_dir / "2023" / "05" / "link.png").symlink_to(private_scan)
    report = run(
        export_with_images(tmp_path, f"{UPLOADS}/2023/05/link.png"), media_dir=media_dir
    )
    assert stored_files() == []
    assert "outside the media directory" in report


def test_images_inside_are_imported_as_before(tmp_path, media_dir):
    run(
        export_with_images(tmp_path, f"{UPLOADS}/2023/05/messe.jpg"),
        media_dir=media_dir,
    )
    assert Article.objects.get().picture.file.name == "wordpress/2023/05/messe.jpg"


def test_an_image_named_pdf_is_stored_under_its_real_extension(tmp_path, media_dir):
    (media_dir / "2023" / "05" / "png-as.pdf").write_bytes(
        image_file("png-as.pdf", fmt="PNG").read()
    )
    export = export_with_images(tmp_path, f"{UPLOADS}/2023/05/png-as.pdf")
    run(export, media_dir=media_dir)
    assert Article.objects.get().picture.file.name == "wordpress/2023/05/png-as.png"
    Article.objects.all().delete()  # imported again from scratch: found again
    run(export, media_dir=media_dir)
    assert Article.objects.get().picture.file.name == "wordpress/2023/05/png-as.png"
    assert [name for name in stored_files() if "png-as" in name] == [
        "wordpress/2023/05/png-as.png"
    ]
