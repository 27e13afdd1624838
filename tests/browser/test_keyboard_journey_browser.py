"""A person with a keyboard only (Tab, Shift+Tab, Enter, Space, and typing) signs up and makes a first contribution.

Every step is reached by Tab from where the focus is: the sign-up form, the confirmation page
opened from the e-mail, the main menu, the proposals page and the form of a citizen initiative.
The one thing done without the keyboard is what a mail app does: opening the link of the e-mail.
The fields are recognised by their type and name, so a sign-up form that asks for more (a public
name, a neighbourhood) is still filled in.
"""

from participation.proposals.models import Proposal

EMAIL = "samira.clavier@example.org"
PASSWORD = "Un-mot-de-passe-tres-solide-42"
# What the focused element is, for the test to decide what to type or press.
FOCUSED = """() => {
  const el = document.activeElement;
  if (!el || el === document.body) return null;
  return {tag: el.tagName.toLowerCase(), type: (el.type || "").toLowerCase(), name: el.name || "",
          text: (el.innerText || el.value || "").trim(), required: !!el.required, href: el.getAttribute("href") || "",
          inMain: !!el.closest("main")};
}"""
MAX_TABS = 120


def press_enter_and_wait(page):
    """Enter on a link or a submit button, and the next page loaded."""
    with page.expect_navigation():
        page.keyboard.press("Enter")


def tab_until(page, wanted, what):
    """Press Tab until the focused element is the wanted one; fails, saying what, if it never is."""
    for _ in range(MAX_TABS):
        page.keyboard.press("Tab")
        focused = page.evaluate(FOCUSED)
        if focused and wanted(focused):
            return focused
    raise AssertionError(f"Tab never reached {what} on {page.url}")


def fill_by_keyboard(page, values, submit_text=None):
    """Tab through a form, typing a value in each field that takes one, then press Enter on its button
    (the one saying ``submit_text``, or the page's first submit button)."""
    for _ in range(MAX_TABS):
        page.keyboard.press("Tab")
        focused = page.evaluate(FOCUSED)
        if not focused:
            continue
        is_submit = focused["tag"] == "button" and focused["type"] == "submit" and focused["inMain"]
        if is_submit and (submit_text is None or submit_text in focused["text"]):
            press_enter_and_wait(page)
            return
        value = values(focused)
        if value is not None and focused["tag"] in ("input", "textarea") and not focused["text"]:
            page.keyboard.type(value)
    raise AssertionError(f"Tab never reached the « {submit_text or 'submit'} » button on {page.url}")


def sign_up_values(field):
    if field["type"] == "email":
        return EMAIL
    if field["type"] == "password":
        return PASSWORD
    if field["type"] in ("text", "") and "name" in field["name"]:
        return "Samira C."
    return None


def test_from_sign_up_to_a_first_proposal_with_the_keyboard_only(site, page, last_email_link):
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(f"{site}/compte/signup/")
    fill_by_keyboard(page, sign_up_values)

    # The e-mail's link, opened as a mail app would; then Tab to « Confirmer » and Enter.
    page.goto(last_email_link(r"https?://[^\s]+/compte/confirm-email/[^\s]+"))
    if page.get_by_role("button", name="Confirmer").count():
        tab_until(page, lambda f: f["tag"] == "button" and "Confirmer" in f["text"], "« Confirmer »")
        press_enter_and_wait(page)

    # Signed in: from whatever page comes next, the menu, then the proposals page.
    tab_until(page, lambda f: f["tag"] == "a" and f["text"] == "Propositions", "the menu's « Propositions »")
    press_enter_and_wait(page)
    tab_until(page, lambda f: f["tag"] == "a" and f["text"] == "Lancer une initiative citoyenne", "« Lancer une initiative citoyenne »")
    press_enter_and_wait(page)

    texts = {"title": "Des bancs à l’ombre au square", "body": "Pour que les aînés puissent s’asseoir l’été."}
    fill_by_keyboard(page, lambda field: texts.get(field["name"]), "Publier")

    proposal = Proposal.objects.get()
    assert proposal.title == texts["title"] and proposal.author.email == EMAIL
    assert page.url.endswith(proposal.get_absolute_url())
    assert page.get_by_role("heading", name=texts["title"]).is_visible()
