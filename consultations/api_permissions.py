"""DRF permissions that ask the rules of ``rules.py``: the API refuses what the pages refuse."""

from rest_framework import permissions


def has_rule(permission):
    """A permission class granting the view when the person has ``permission`` (an object-free rule)."""

    class HasRule(permissions.BasePermission):
        def has_permission(self, request, view):
            return request.user.has_perm(permission)

    HasRule.__name__ = f"HasRule[{permission}]"
    return HasRule
