"""Post an admin change form as a browser would: every field as the page shows it, a few changed."""

from html.parser import HTMLParser


class _FormReader(HTMLParser):
    def __init__(self):
        super().__init__()
        self.data = {}
        self._select = None
        self._textarea = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        name = attrs.get("name")
        if tag == "input" and name and attrs.get("type") not in ("submit", "button", "file"):
            if attrs.get("type") in ("checkbox", "radio"):
                if "checked" in attrs:
                    self.data.setdefault(name, []).append(attrs.get("value", "on"))
            else:
                self.data[name] = [attrs.get("value", "")]
        elif tag == "select" and name:
            self._select = name
            self.data.setdefault(name, [])
        elif tag == "option" and self._select and "selected" in attrs:
            self.data[self._select].append(attrs.get("value", ""))
        elif tag == "textarea" and name:
            self._textarea = name
            self.data[name] = [""]

    def handle_endtag(self, tag):
        if tag == "select":
            self._select = None
        elif tag == "textarea":
            self._textarea = None

    def handle_data(self, data):
        if self._textarea:
            self.data[self._textarea][0] += data.removeprefix("\n") if not self.data[self._textarea][0] else data


def post_change_form(client, url, **changes):
    """GET the admin page, change some fields (name: value, None to untick) and POST it back."""
    reader = _FormReader()
    reader.feed(client.get(url).text)
    data = {name: values for name, values in reader.data.items() if not name.startswith("__prefix__") and "__prefix__" not in name}
    for name, value in changes.items():
        if value is None:
            data.pop(name, None)
        else:
            data[name] = [value] if isinstance(value, str) else value
    data.pop("csrfmiddlewaretoken", None)
    return client.post(url, data)
