"""The bridges' exports by name: one file (Label Studio, doccano) or a folder (XMI, brat)."""

from __future__ import annotations

from reader.core.errors import ReaderError
from reader.core.exchange.exporting import ExportArticle


def render_bridge(fmt: str, items: list[ExportArticle]) -> bytes:
    """A one-file bridge's export; a folder format is refused (it needs a folder)."""
    if fmt == "labelstudio":
        from reader.core.exchange.labelstudio import labelstudio_json

        return labelstudio_json(items).encode("utf-8")
    if fmt == "doccano":
        from reader.core.exchange.doccano import doccano_jsonl

        return doccano_jsonl(items).encode("utf-8")
    raise ReaderError(f"{fmt} writes a folder of files: give it with -o FOLDER")


def bridge_files(fmt: str, items: list[ExportArticle]) -> dict[str, bytes]:
    """A folder bridge's files, by name."""
    if fmt == "xmi":
        from reader.core.exchange.xmi import xmi_files

        return xmi_files(items)
    if fmt == "brat":
        from reader.core.exchange.brat import brat_files

        return brat_files(items)
    raise ReaderError(f"{fmt} writes one file, not a folder")
