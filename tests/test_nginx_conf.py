"""scripts/nginx_conf.py: deploy/nginx.conf filled in for this environment is a config nginx
accepts, and it serves the files every page view fetches from the folders that hold them."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest
from nginx_conf import render, served_folders

NGINX = shutil.which("nginx") or "/usr/sbin/nginx"


def test_every_placeholder_is_filled_with_a_folder_that_holds_the_files():
    conf = render(["127.0.0.1:9001", "127.0.0.1:9002"], "127.0.0.1:9000")
    assert "@" not in re.sub(r"#.*", "", conf)  # no placeholder left outside comments
    assert "server 127.0.0.1:9001;\n        server 127.0.0.1:9002;" in conf and "listen 127.0.0.1:9000;" in conf
    folders = served_folders()
    assert any(folders["STREAMLIT_STATIC"].glob("js/*.js"))  # Streamlit's frontend bundle
    assert (folders["FOLIUM_COMPONENT"] / "index.html").exists()
    assert (folders["SORTIE_STATIC"] / "sortie").is_dir()
    for path in folders.values():
        assert f"alias {path}/;" in conf


def test_nginx_accepts_the_filled_in_config(tmp_path: Path):
    assert Path(NGINX).exists(), "nginx is needed: apt-get install nginx"
    (tmp_path / "tmp").mkdir()
    (tmp_path / "nginx.conf").write_text(render(["127.0.0.1:9001"], "127.0.0.1:9000"))
    r = subprocess.run([NGINX, "-t", "-p", str(tmp_path), "-c", str(tmp_path / "nginx.conf")],
                       capture_output=True, text=True)
    assert r.returncode == 0, r.stderr


def test_workers_run_as_the_named_user():
    assert "user nobody;" not in render(["127.0.0.1:9001"], "127.0.0.1:9000")
    conf = render(["127.0.0.1:9001"], "127.0.0.1:9000", user="www-data")
    assert "worker_processes 1;\nuser www-data;\n" in conf


def test_a_missing_folder_or_server_list_is_a_clear_error(tmp_path: Path):
    with pytest.raises(FileNotFoundError, match="mime"):
        render(["127.0.0.1:9001"], "127.0.0.1:9000", mime_types=tmp_path / "mime.types")
    with pytest.raises(ValueError, match="at least one app server"):
        render([], "127.0.0.1:9000")
