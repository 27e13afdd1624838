"""The one rendering path for user text: Markdown with raw HTML off, then nh3."""

import nh3
from markdown_it import MarkdownIt
from django.utils.safestring import mark_safe

_markdown = MarkdownIt("commonmark", {"html": False, "linkify": False}).enable("table")

ALLOWED_TAGS = {
    "p", "br", "strong", "em", "a", "ul", "ol", "li", "blockquote", "code", "pre",
    "h3", "h4", "h5", "h6", "hr", "table", "thead", "tbody", "tr", "th", "td",
}
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}}


def render_markdown(text):
    html = _markdown.render(text or "")
    cleaned = nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes={"http", "https", "mailto"},
        link_rel="noopener noreferrer nofollow ugc",
    )
    # Safe to mark: nh3 has just removed every tag and attribute outside the lists above.
    return mark_safe(cleaned)


def store_rendered(instance, pairs, update_fields=None):
    """Render each ``(source, target)`` text field of ``instance`` into its HTML field, at write time.

    Pages then print the stored HTML instead of running Markdown and nh3 at every view. Called from
    the model's ``save()`` so that every write path (services, admin, demo data) keeps the two in
    step; returns the ``update_fields`` to save, with the HTML fields added for the sources saved.
    """
    written = set(update_fields) if update_fields is not None else None
    for source, target in pairs:
        if written is None or source in written:
            setattr(instance, target, str(render_markdown(getattr(instance, source))))
            if written is not None:
                written.add(target)
    return written


def stored_html(html, source):
    """The HTML a model stored by ``store_rendered()``; rendered now if a row was written around it.

    Safe to mark: the stored value only ever comes from ``render_markdown()`` (nh3's output, above),
    written by ``store_rendered()`` or by the migrations that fill it; no form or API field writes it.
    """
    if not html and source:
        return render_markdown(source)
    return mark_safe(html)


def fill_rendered(model, pairs, batch_size=2000):
    """For data migrations: render the stored HTML of existing rows, a batch at a time.

    Walks the table by primary key (no OFFSET), and writes each batch with one ``bulk_update``
    (one UPDATE … CASE per batch, not one per row). Returns the number of rows rendered.
    """
    sources = [source for source, _target in pairs]
    targets = [target for _source, target in pairs]
    last, done = 0, 0
    while True:
        rows = list(model.objects.filter(pk__gt=last).order_by("pk").only("pk", *sources)[:batch_size])
        if not rows:
            return done
        for row in rows:
            for source, target in pairs:
                setattr(row, target, str(render_markdown(getattr(row, source))))
        model.objects.bulk_update(rows, targets, batch_size=batch_size)
        last, done = rows[-1].pk, done + len(rows)
