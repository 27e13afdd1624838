"""STORAGES for an S3-compatible object store (AWS, Scaleway, OVH, MinIO, Garage...), from the environment.

With ``STORAGE_BACKEND=s3``, media (proposals' attachments) and export files live in buckets, not on one
host's disk, so that every page server and worker sees the same files. Exports go to a private prefix
(or a bucket of their own), always read through the signed download view.
"""


def s3_storages(environ):
    def get(name, default=None):
        return environ.get(name) or default

    common = {
        key: value
        for key, value in {
            "bucket_name": get("AWS_STORAGE_BUCKET_NAME", get("S3_BUCKET")),
            "endpoint_url": get("AWS_S3_ENDPOINT_URL", get("S3_ENDPOINT_URL")),
            "region_name": get("AWS_S3_REGION_NAME", get("S3_REGION")),
            # Credentials: AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY, read by boto3 itself.
            "file_overwrite": False,
        }.items()
        if value is not None
    }
    if "bucket_name" not in common:
        from django.core.exceptions import ImproperlyConfigured

        raise ImproperlyConfigured("STORAGE_BACKEND=s3 needs AWS_STORAGE_BUCKET_NAME (or S3_BUCKET).")
    media = {
        **common,
        "location": get("S3_MEDIA_PREFIX", "media"),
        "custom_domain": get("AWS_S3_CUSTOM_DOMAIN"),
        # Public media by default (the pages link to them); "true" signs every link instead.
        "querystring_auth": get("AWS_QUERYSTRING_AUTH", "false").lower() in {"1", "true", "yes", "on"},
    }
    exports = {
        **common,
        "bucket_name": get("S3_EXPORTS_BUCKET", common["bucket_name"]),
        "location": get("S3_EXPORTS_PREFIX", "private-exports"),
        "default_acl": "private",
        "querystring_auth": True,
    }
    backend = "storages.backends.s3.S3Storage"
    return {
        "default": {"BACKEND": backend, "OPTIONS": {k: v for k, v in media.items() if v is not None}},
        "exports": {"BACKEND": backend, "OPTIONS": exports},
    }
