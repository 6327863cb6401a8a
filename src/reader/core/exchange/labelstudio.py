"""Label Studio: a JSON list of tasks, the article in ``data.text``.

Each Reader annotation is a region: a ``labels`` result (``value.start/end/text/
labels``; ``Reader-highlight`` when it has no tag) and, when it has a note, a
per-region ``textarea`` result with the same ``id``, as Label Studio links them
(``parentID`` is read too). Offsets are UTF-16 code units, as Label Studio's
JavaScript counts them (label-studio issue #4988). The labelling config this
matches::

    <View><Text name="text" value="$text"/>
      <Labels name="label" toName="text"><Label value="…"/></Labels>
      <TextArea name="note" toName="text" perRegion="true"/></View>

What a region cannot hold (colour, annotator, times) rides in ``data.reader``,
which Label Studio keeps with the task. Import reads every task's annotations
and predictions, whoever made them: labels become tags (created when missing),
the annotator is ``completed_by`` (its email, else its id) or the prediction's
``model_version``.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from reader.core.errors import NotesFormatError
from reader.core.exchange.bridge_common import (
    NO_TIME,
    UNTAGGED,
    Found,
    check,
    meta_value,
    need,
    reader_id,
    records,
    stable_id,
)
from reader.core.exchange.exporting import ExportArticle
from reader.core.exchange.notes_import import NoteRecord
from reader.core.exchange.units import Utf16
from reader.core.library.store import shorten_path
from reader.core.stamps import text_hash

FROM_LABELS, FROM_NOTE, TO_NAME = "label", "note", "text"


def labelstudio_tasks(items: list[ExportArticle]) -> list[dict[str, Any]]:
    """The tasks as Python values: what ``labelstudio_json`` writes (the tests compare)."""
    tasks = []
    for item in items:
        text = item.article.text
        units = Utf16(text)
        results: list[dict[str, Any]] = []
        meta: dict[str, Any] = {}
        for n in item.notes:
            a = n.annotation
            if a.state == "orphaned":
                continue
            span = {"start": units.to_utf16(a.start), "end": units.to_utf16(a.end)}
            results.append(
                {
                    "id": a.id,
                    "from_name": FROM_LABELS,
                    "to_name": TO_NAME,
                    "type": "labels",
                    "origin": "manual",
                    "value": {
                        **span,
                        "text": text[a.start : a.end],
                        "labels": list(a.tags or (UNTAGGED,)),
                    },
                }
            )
            if a.note:
                results.append(
                    {
                        "id": a.id,
                        "from_name": FROM_NOTE,
                        "to_name": TO_NAME,
                        "type": "textarea",
                        "origin": "manual",
                        "value": {**span, "text": [a.note]},
                    }
                )
            meta[a.id] = {
                "color": a.color,
                "annotator": a.annotator,
                "created": a.created_at,
                "updated": a.updated_at,
            }
        task: dict[str, Any] = {
            "data": {
                "text": text,
                "title": item.article.title,
                "reader": {"text_hash": item.article.text_hash, "annotations": meta},
            },
        }
        if results:
            task["annotations"] = [{"result": results, "ground_truth": False}]
        tasks.append(task)
    return tasks


def labelstudio_json(items: list[ExportArticle]) -> str:
    """``json.dumps(labelstudio_tasks(items), ensure_ascii=False, indent=1)`` and a line
    break, written from templates (each string through the C encoder)."""
    return "".join(labelstudio_pieces(items))


def labelstudio_pieces(items: list[ExportArticle]) -> Iterator[str]:
    """``labelstudio_json(items)`` in pieces, a task at a time."""
    if not items:
        yield "[]\n"
        return
    for number, item in enumerate(items):
        text = item.article.text
        units = Utf16(text)
        results: list[str] = []
        meta: dict[str, str] = {}
        for n in item.notes:
            a = n.annotation
            if a.state == "orphaned":
                continue
            key = _string(a.id)
            span = f'"start": {units.to_utf16(a.start)},\n{_I7}"end": {units.to_utf16(a.end)}'
            labels = f",\n{_I8}".join(map(_string, a.tags or (UNTAGGED,)))
            results.append(
                _RESULT.format(key, FROM_LABELS, "labels", span)
                + f'"text": {_string(text[a.start : a.end])},\n{_I7}"labels": [\n'
                f"{_I8}{labels}\n{_I7}]\n{_I6}}}\n{_I5}}}"
            )
            if a.note:
                results.append(
                    _RESULT.format(key, FROM_NOTE, "textarea", span)
                    + f'"text": [\n{_I8}{_string(a.note)}\n{_I7}]\n{_I6}}}\n{_I5}}}'
                )
            color = "null" if a.color is None else _string(a.color)
            meta[a.id] = (
                f'{_I5}{key}: {{\n{_I6}"color": {color},\n'
                f'{_I6}"annotator": {_string(a.annotator)},\n'
                f'{_I6}"created": {_string(a.created_at)},\n'
                f'{_I6}"updated": {_string(a.updated_at)}\n{_I5}}}'
            )
        notes = "{\n" + ",\n".join(meta.values()) + "\n    }" if meta else "{}"
        task = (
            f' {{\n  "data": {{\n   "text": {_string(text)},\n'
            f'   "title": {_string(item.article.title)},\n   "reader": {{\n'
            f'    "text_hash": {_string(item.article.text_hash)},\n'
            f'    "annotations": {notes}\n'
            "   }\n  }"
        )
        if results:
            task += (
                ',\n  "annotations": [\n   {\n    "result": [\n'
                + ",\n".join(results)
                + '\n    ],\n    "ground_truth": false\n   }\n  ]'
            )
        yield ("[\n" if number == 0 else ",\n") + task + "\n }"
    yield "\n]\n"


_string: Callable[[str], str] = json.encoder.encode_basestring
_I5, _I6, _I7, _I8 = (" " * n for n in (5, 6, 7, 8))
# One result's opening: its id, the control it comes from, its type, and the span.
_RESULT = (
    f'{_I5}{{{{\n{_I6}"id": {{0}},\n{_I6}"from_name": "{{1}}",\n{_I6}"to_name": "{TO_NAME}",\n'
    f'{_I6}"type": "{{2}}",\n{_I6}"origin": "manual",\n{_I6}"value": {{{{\n{_I7}{{3}},\n{_I7}'
)


def looks_like(data: Any) -> bool:
    tasks = data if isinstance(data, list) else [data]
    return bool(tasks) and all(
        isinstance(t, dict) and isinstance(t.get("data"), dict) for t in tasks
    )


def read_labelstudio(path: Path, data: Any) -> list[NoteRecord]:
    tasks = data if isinstance(data, list) else [data]
    out: list[NoteRecord] = []
    for number, task in enumerate(tasks, 1):
        out += _task(f"{shorten_path(path)}: task {number}", task, number)
    if not out:
        raise NotesFormatError(f"{shorten_path(path)}: no labelled regions in it")
    return out


def _task(where: str, task: dict[str, Any], number: int) -> list[NoteRecord]:
    data = task["data"]
    text = need(where, data, "text", str)
    title = data.get("title") if isinstance(data.get("title"), str) else ""
    reader = data.get("reader") if isinstance(data.get("reader"), dict) else {}
    given = reader.get("annotations")
    meta: dict[str, Any] = given if isinstance(given, dict) else {}
    units, hashed = Utf16(text), text_hash(text)
    task_key = task.get("id", number)
    found: list[Found] = []
    for group in ("annotations", "predictions"):
        entries = check(where, group, task.get(group, []), list)
        for i, entry in enumerate(entries):
            here = f"{where}: {group}[{i}]"
            check(where, f"{group}[{i}]", entry, dict)
            if entry.get("was_cancelled") is True:
                continue
            who = _annotator(entry) if group == "annotations" else _model(entry)
            stamp = _stamp(entry)
            key = (group, entry.get("id", i))
            found += _results(here, entry, units, hashed, (task_key, *key), who, stamp, meta)
    return records(text, title or f"task {task_key}", found)


def _results(
    where: str,
    entry: dict[str, Any],
    units: Utf16,
    hashed: str,
    key: tuple[object, ...],
    who: str,
    stamp: str,
    meta: dict[str, Any],
) -> list[Found]:
    results = need(where, entry, "result", list)
    regions: dict[str, Found] = {}
    notes: list[tuple[str, str, dict[str, Any], str]] = []
    for i, result in enumerate(results):
        name = f"result[{i}]"
        check(where, name, result, dict)
        kind = result.get("type")
        if kind not in ("labels", "textarea"):
            continue  # choices, ratings, relations: nothing Reader holds
        value = need(f"{where}: {name}", result, "value", dict)
        region = str(result.get("id", f"#{i}"))
        if kind == "textarea":
            lines = check(f"{where}: {name}", "value.text", value.get("text", []), (list, str))
            if not all(isinstance(x, str) for x in (lines if isinstance(lines, list) else [])):
                raise NotesFormatError(f"{where}: field '{name}.value.text' must be text")
            note = "\n".join(lines) if isinstance(lines, list) else lines
            notes.append((f"{where}: {name}", region, value, note))
            parent = result.get("parentID")
            if isinstance(parent, str):
                notes[-1] = (notes[-1][0], parent, value, note)
            continue
        found = _span(f"{where}: {name}", value, units)
        # A region Reader wrote: its id is a key of data.reader.annotations (Label
        # Studio's own region ids are not), whatever the id looks like.
        own = meta.get(region) if isinstance(meta.get(region), dict) else None
        ident = reader_id(region) if own is not None else None
        ident = ident or stable_id("labelstudio", hashed, *key, region)
        f = Found(f"{where}: {name}", ident, *found)
        f.quote = value.get("text") if isinstance(value.get("text"), str) else None
        f.annotator, f.created, f.updated = who, stamp, stamp
        if own is not None and ident == region:
            f.color = meta_value(own, "color")
            f.annotator = meta_value(own, "annotator") or who
            f.created = meta_value(own, "created") or stamp
            f.updated = meta_value(own, "updated") or stamp
        labels = check(f"{where}: {name}", "value.labels", value.get("labels", []), list)
        for label in labels:
            check(f"{where}: {name}", "value.labels", label, str)
            if label.strip():
                f.add_tag(label)
        if region in regions:  # a second labels result of one region: more tags
            for tag in f.tags:
                regions[region].add_tag(tag)
        else:
            regions[region] = f
    for here, region, value, note in notes:
        if region in regions:
            f = regions[region]
            f.note = f"{f.note}\n{note}" if f.note else note
        elif "start" in value and note:  # a note on a span no label marks: untagged
            ident = stable_id("labelstudio", hashed, *key, region)
            f = Found(here, ident, *_span(here, value, units))
            f.note, f.annotator, f.created, f.updated = note, who, stamp, stamp
            regions[region] = f
    return list(regions.values())


def _span(where: str, value: dict[str, Any], units: Utf16) -> tuple[int, int]:
    start = need(where, value, "start", int)
    end = need(where, value, "end", int)
    if end <= start:
        raise NotesFormatError(f"{where}: field 'value.end' must be after 'value.start'")
    return units.from_utf16(start, f"{where}: value.start"), units.from_utf16(
        end, f"{where}: value.end"
    )


def _annotator(entry: dict[str, Any]) -> str:
    who = entry.get("completed_by")
    if isinstance(who, dict):
        for name in ("email", "username", "id"):
            if isinstance(who.get(name), str | int) and not isinstance(who.get(name), bool):
                return str(who[name])
        return ""
    if isinstance(who, str):
        return who
    if isinstance(who, int) and not isinstance(who, bool):
        return f"Label Studio user {who}"
    return ""


def _model(entry: dict[str, Any]) -> str:
    version = entry.get("model_version")
    if isinstance(version, str | int) and version != "":
        return f"prediction {version}"
    return "prediction"


def _stamp(entry: dict[str, Any]) -> str:
    for name in ("updated_at", "created_at"):
        value = entry.get(name)
        if isinstance(value, str) and len(value) >= 16 and value[4] == "-":
            return value
    return NO_TIME
