"""The W3C export as JSON-LD: expanded with the published Web Annotation context
(pyld, offline), nothing of ours is dropped and every term lands on its IRI."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from hostile_library import build
from reader.core.exchange.exporting import ExportFilter, collect, render
from reader.core.exchange.jsonld import W3C_CONTEXT
from reader.core.notes.annotations import all_annotations
from reader.core.notes.tags import save_tag

jsonld = pytest.importorskip("pyld.jsonld")

CONTEXT = json.loads((Path(__file__).parent / "data" / "jsonld" / "anno.jsonld").read_text())
# keys whose values expansion turns into IRIs of the vocabulary, not kept as written
VOCAB_KEYS = {"@context", "type", "motivation", "purpose"}


def _offline_loader(url: str, options: dict | None = None) -> dict:
    if url.rstrip("/") != W3C_CONTEXT.rstrip("/"):
        raise AssertionError(f"the export names an unexpected context: {url}")
    return {"contextUrl": None, "documentUrl": url, "document": CONTEXT}


@pytest.fixture
def exported(library, tmp_path):
    build(library, tmp_path)
    used = sorted({t for a in all_annotations(library) for t in a.tags})
    save_tag(library, used[0], shortcut="3", description="说明：<b>&\n第二行")
    return json.loads(render("w3c", collect(library, ExportFilter())))


@pytest.fixture
def expanded(exported):
    return jsonld.expand(exported, {"documentLoader": _offline_loader})


def _leaves(node, key: str = "") -> list[object]:
    """Every scalar value of a compact document, but those expansion makes IRIs."""
    if key in VOCAB_KEYS:
        return []
    if isinstance(node, dict):
        return [v for k, child in node.items() for v in _leaves(child, k)]
    if isinstance(node, list):
        return [v for child in node for v in _leaves(child, key)]
    return [node]


def _expanded_values(node) -> list[object]:
    if isinstance(node, dict):
        found = [node[k] for k in ("@value", "@id") if k in node]
        return found + [v for k, c in node.items() if k != "@value" for v in _expanded_values(c)]
    if isinstance(node, list):
        return [v for child in node for v in _expanded_values(child)]
    return []


def _predicates(node) -> set[str]:
    if isinstance(node, dict):
        return {k for k in node if not k.startswith("@")} | {
            p for c in node.values() for p in _predicates(c)
        }
    if isinstance(node, list):
        return {p for c in node for p in _predicates(c)}
    return set()


def test_the_export_names_the_published_context(exported):
    assert exported["@context"][0] == W3C_CONTEXT
    assert exported["first"]["items"]


def test_expansion_keeps_every_value(exported, expanded):
    have = [str(v) for v in _expanded_values(expanded)]
    written = [v for v in _leaves(exported) if v not in ("", None)]  # null: no value
    missing = [v for v in written if str(v) not in have]
    assert missing == []
    assert len(have) >= len(written)


def test_our_terms_land_on_their_iris(expanded):
    predicates = _predicates(expanded)
    wanted = {
        "http://www.w3.org/ns/oa#hasTarget",
        "http://www.w3.org/ns/oa#hasSelector",
        "http://www.w3.org/ns/oa#exact",
        "http://www.w3.org/ns/oa#start",
        "http://purl.org/dc/elements/1.1/title",
        "http://www.w3.org/1999/02/22-rdf-syntax-ns#value",
        "urn:reader:terms:state",
        "urn:reader:terms:sources",
        "urn:reader:terms:tags",
        "urn:reader:terms:color",
        "urn:reader:terms:shortcut",
        "urn:reader:terms:description",
        "urn:reader:terms:textHash",
    }
    assert wanted - predicates == set()
    # nothing fell back to a relative or blank IRI
    assert not [p for p in predicates if ":" not in p]


def test_expanded_offsets_are_the_exported_ones(exported, expanded):
    starts = sorted(
        s["start"]
        for item in exported["first"]["items"]
        for s in item["target"]["selector"]
        if s["type"] == "TextPositionSelector"
    )
    found = []

    def walk(node):
        if isinstance(node, dict):
            for value in node.get("http://www.w3.org/ns/oa#start", []):
                found.append(int(value["@value"]))
            for child in node.values():
                walk(child)
        elif isinstance(node, list):
            for child in node:
                walk(child)

    walk(expanded)
    assert sorted(found) == starts
