"""Find executable markup in a whole page, as a browser would read it.

The render path's own test checks Markdown output against the allow-list. A page holds much more
(the site's forms, scripts, SVG charts), so here the rule is the other way round: anything that
runs script is reported, unless it is one of the site's own scripts (a same-origin file or a JSON
data block). Python's html.parser tokenises tags and attributes the way browsers do for the
cases that matter here (unquoted values, ``<svg/onload=...>``, upper case).
"""

import re
from html import unescape
from html.parser import HTMLParser
from urllib.parse import urlsplit

from consultations.text import ALLOWED_ATTRIBUTES, ALLOWED_TAGS

# Elements that have no business in a page of the site, whatever their attributes (a <style> only
# in the <head>, where the browsable API keeps its own).
FORBIDDEN_TAGS = {
    "applet", "base", "embed", "frame", "frameset", "iframe", "image", "isindex", "keygen",
    "marquee", "math", "object", "style", "template", "x",
}
# Attributes whose value the browser loads or navigates to.
URL_ATTRIBUTES = {
    "action", "archive", "background", "cite", "classid", "codebase", "data", "dynsrc", "formaction",
    "href", "icon", "longdesc", "lowsrc", "manifest", "ping", "poster", "profile", "src", "usemap",
    "xlink:href",
}
SAFE_SCHEMES = {"http", "https", "mailto"}
DATA_SCRIPT_TYPES = {"application/json", "application/ld+json"}
# Browsers drop tabs and newlines anywhere in a URL, and spaces and controls around it.
_URL_NOISE = re.compile(r"[\x00-\x20\x7f]")
_SCHEME = re.compile(r"^([a-z][a-z0-9+.\-]*):")


def dangerous_url(value):
    """The scheme of a URL that runs script or loads a document of its own, else None."""
    cleaned = _URL_NOISE.sub("", value or "").strip("`'\"").lower()
    match = _SCHEME.match(cleaned)
    if match and match.group(1) not in SAFE_SCHEMES:
        return match.group(1)
    return None


class _PageInspector(HTMLParser):
    # With scripting on, a browser reads these elements' content as text up to their end tag: a
    # "</noscript>" inside an attribute value closes the element there (a classic mutation XSS).
    CDATA_CONTENT_ELEMENTS = ("script", "style", "noscript", "noembed", "noframes", "iframe", "xmp", "textarea", "title")

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.problems = []
        self.text = []
        self._script = None  # the open <script> start tag and its text, if any
        self._skip_text = 0
        self._in_body = True  # user text only ever goes into the body

    def handle_starttag(self, tag, attrs):
        if tag == "head":
            self._in_body = False
        elif tag == "body":
            self._in_body = True
        self._check(tag, attrs)
        if tag == "script":
            self._script = (dict(attrs), [])
        elif tag == "style":
            self._skip_text += 1

    def handle_startendtag(self, tag, attrs):
        self._check(tag, attrs)

    def handle_endtag(self, tag):
        if tag == "head":
            self._in_body = True
        if tag == "script" and self._script is not None:
            attributes, text = self._script
            self._script = None
            self._check_script(attributes, "".join(text))
        elif tag == "style" and self._skip_text:
            self._skip_text -= 1

    def handle_data(self, data):
        if self._script is not None:
            self._script[1].append(data)
        elif self.cdata_elem in ("title", "textarea"):
            self.text.append(unescape(data))  # read as text with character references, like a browser
        elif not self._skip_text:
            self.text.append(data)

    def _check(self, tag, attrs):
        if tag in FORBIDDEN_TAGS and (self._in_body or tag != "style"):
            self.problems.append(f"<{tag}> element")
        names = {name.lstrip("/") for name, _value in attrs}
        for name, value in attrs:
            name = name.lstrip("/")
            value = value or ""
            if name.startswith("on"):
                self.problems.append(f"event handler {name}={value!r} on <{tag}>")
            elif name == "srcdoc":
                self.problems.append(f"srcdoc on <{tag}>")
            elif name in URL_ATTRIBUTES or name == "srcset":
                scheme = dangerous_url(value)
                if scheme:
                    self.problems.append(f"{scheme}: URL in {name} of <{tag}>")
            elif name == "style" and re.search(r"url\(|expression\(|javascript:", value, re.I):
                self.problems.append(f"style {value!r} on <{tag}>")
        if tag == "meta" and "http-equiv" in names:
            content = dict(attrs).get("content") or ""
            if re.search(r"url\s*=", content, re.I):
                self.problems.append(f"meta refresh to {content!r}")

    def _check_script(self, attributes, text):
        kind = (attributes.get("type") or "").strip().lower()
        if kind in DATA_SCRIPT_TYPES:
            return  # a data block: never run, and json_script escapes < > & inside it
        src = attributes.get("src")
        if src is not None and src.startswith("/") and not src.startswith("//") and not text.strip():
            return  # one of the site's own files (static files, the admin's translations)
        self.problems.append(f"<script src={src!r}>{text[:80]}</script>")


def inspect_page(html):
    """``(problems, visible_text)`` of a page: executable markup found, and the text a reader sees."""
    inspector = _PageInspector()
    inspector.feed(html)
    inspector.close()
    return inspector.problems, "".join(inspector.text)


def executable_markup(html):
    return inspect_page(html)[0]


class _FragmentInspector(HTMLParser):
    """The render path's promise: only the allow-listed tags and attributes, only safe links."""

    def __init__(self):
        super().__init__()
        self.problems = []

    def handle_starttag(self, tag, attrs):
        if tag not in ALLOWED_TAGS:
            self.problems.append(f"tag <{tag}>")
        for name, value in attrs:
            if name not in ALLOWED_ATTRIBUTES.get(tag, set()) and name != "rel":
                self.problems.append(f"attribute {name} on <{tag}>")
            if name == "href" and (dangerous_url(value) or urlsplit((value or "").strip()).scheme.lower() not in {"", *SAFE_SCHEMES}):
                self.problems.append(f"href {value!r}")


def fragment_problems(html):
    """What is outside the render path's allow-list in an HTML fragment (an API's ``html`` field)."""
    inspector = _FragmentInspector()
    inspector.feed(html)
    inspector.close()
    return inspector.problems


def squeeze(text):
    """Whitespace aside: line breaks become <br> or paragraphs on a page, rows in a spreadsheet."""
    return re.sub(r"\s+", "", text)
