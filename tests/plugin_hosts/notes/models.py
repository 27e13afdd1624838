from django.conf import settings
from django.db import models

from consultations.moderation import Moderated


class Note(Moderated):
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    body = models.TextField()

    def get_absolute_url(self):
        return f"/notes/{self.pk}/"
