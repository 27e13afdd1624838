def active_user(user):
    """Default citizen check for sites without email verification: any active account."""
    return bool(user.is_authenticated and user.is_active)
