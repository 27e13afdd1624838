from django.apps import AppConfig


class NotesConfig(AppConfig):
    """A host's own content, moderated through the frame's contract (consultations.moderation)."""

    name = "tests.plugin_hosts.notes"
    label = "notes"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from consultations import moderation

        moderation.register(
            moderation.ContentKind(key="note", label="Note", model="notes.Note", text=lambda note: note.body)
        )
