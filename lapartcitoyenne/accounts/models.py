from django.contrib.auth.models import AbstractUser, BaseUserManager
from django.db import models
from django.db.models import Q
from django.db.models.functions import Lower
from django.utils.translation import gettext_lazy as _

from consultations.validators import SINGLE_LINE

from .pseudonyms import new_pseudonym

# Deleting an account anonymises it: its address moves to this domain, which never receives mail.
DELETED_ACCOUNT_DOMAIN = "invalid.lapartcitoyenne.fr"


class UserManager(BaseUserManager):
    use_in_migrations = True

    def _create_user(self, email, password, **extra_fields):
        if not email:
            raise ValueError("An email address is required.")
        user = self.model(email=self.normalize_email(email), **extra_fields)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_user(self, email, password=None, **extra_fields):
        extra_fields.setdefault("is_staff", False)
        extra_fields.setdefault("is_superuser", False)
        return self._create_user(email, password, **extra_fields)

    def create_superuser(self, email, password=None, **extra_fields):
        extra_fields.setdefault("is_staff", True)
        extra_fields.setdefault("is_superuser", True)
        return self._create_user(email, password, **extra_fields)


class User(AbstractUser):
    """An account: logs in by email, shows a public name, may say where it lives.

    Every account has a public name (``display_name``): chosen at sign-up, or a pseudonym given by
    ``save()`` to accounts made any other way. Only a deleted account has none. The e-mail address
    is never shown in its place.
    """

    username = None
    first_name = None
    last_name = None
    email = models.EmailField(_("email address"), unique=True)
    display_name = models.CharField(
        _("display name"),
        max_length=80,
        blank=True,
        help_text=_("This name appears next to your contributions. A pseudonym is fine."),
        validators=[SINGLE_LINE],
    )
    territory = models.ForeignKey(
        "consultations.Territory",
        verbose_name=_("neighbourhood or territory"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )

    USERNAME_FIELD = "email"
    REQUIRED_FIELDS = []

    objects = UserManager()

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")
        constraints = [
            models.UniqueConstraint(Lower("email"), name="accounts_user_email_ci_unique"),
            models.CheckConstraint(
                condition=~Q(display_name="") | Q(email__endswith=f"@{DELETED_ACCOUNT_DOMAIN}"),
                name="accounts_user_has_public_name",
            ),
        ]

    def __str__(self):
        return self.public_name

    def save(self, *args, **kwargs):
        if not self.display_name and not self.is_deleted_account:
            others = User.objects.exclude(pk=self.pk) if self.pk else User.objects.all()
            self.display_name = new_pseudonym(lambda name: others.filter(display_name=name).exists())
            if kwargs.get("update_fields") is not None:
                kwargs["update_fields"] = {*kwargs["update_fields"], "display_name"}
        super().save(*args, **kwargs)

    @property
    def is_deleted_account(self):
        return self.email.endswith(f"@{DELETED_ACCOUNT_DOMAIN}")

    @property
    def public_name(self):
        if self.display_name:
            return self.display_name
        if self.is_deleted_account:
            return str(_("Deleted account"))
        # Not saved yet (or saved around save()): still never a piece of the e-mail address.
        return str(_("Participant"))

    def get_full_name(self):
        return self.public_name

    def get_short_name(self):
        return self.public_name
