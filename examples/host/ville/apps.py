from django.apps import AppConfig


class VilleConfig(AppConfig):
    name = "ville"
    default_auto_field = "django.db.models.BigAutoField"
