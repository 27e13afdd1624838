"""What the apps' admin classes share. Imported by their admin.py only (the admin may not be installed)."""


class ReadOnlyAdminMixin:
    """Rows only a service or the system writes (supports with their counters, an audit log): the
    admin shows them and never adds, changes or deletes one by hand."""

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
