from django.conf import settings

# test_host.py checks a plugin host itself: it runs in each host of `make test-plugins`, not in the site.
collect_ignore = [] if getattr(settings, "PLUGIN", None) else ["test_host.py"]
