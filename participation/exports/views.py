from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_GET, require_safe

from consultations.models import Consultation

from . import engine, services
from .formats import FORMATS, STREAMED_FORMATS
from .forms import ExportForm
from .models import ExportJob
from .registry import datasets, get_dataset
from .scope import Scope
from .streaming import file_response, streaming_response


def _require(request, perm, obj=None):
    if not request.user.has_perm(perm, obj):
        raise PermissionDenied


def _streaming_response(request, chunks, dataset, scope, fmt):
    response = streaming_response(request, chunks, FORMATS[fmt][0])
    response["Content-Disposition"] = f'attachment; filename="{engine.filename(dataset, scope, fmt)}"'
    return response


@login_required
def export_form(request):
    """Choose a dataset, a scope and a format. CSV and JSON stream back at once; XLSX and
    ODS become a background job whose page shows its progress."""
    _require(request, "exports.export_data")
    form = ExportForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        dataset, scope, fmt = form.chosen_dataset(), form.scope(), form.cleaned_data["format"]
        if scope.personal_data:
            _require(request, "exports.export_personal_data")
        delimiter = form.cleaned_data["delimiter"]
        if fmt in STREAMED_FORMATS:
            chunks = services.logged_stream(request.user, dataset, scope, fmt, delimiter=delimiter)
            return _streaming_response(request, chunks, dataset, scope, fmt)
        job = services.start_job(request.user, dataset, scope, fmt, delimiter=delimiter)
        return redirect("exports:job", pk=job.pk)
    jobs = ExportJob.objects.filter(requested_by=request.user)[:10]
    return render(request, "exports/export_form.html", {"form": form, "datasets": datasets().values(), "jobs": jobs})


@login_required
@require_GET
def job_detail(request, pk):
    job = get_object_or_404(ExportJob, pk=pk)
    _require(request, "exports.view_job", job)
    context = {"job": job, "token": services.download_token(job) if job.status == ExportJob.Status.DONE else None}
    template = "exports/_job_status.html" if request.htmx else "exports/job_detail.html"
    return render(request, template, context)


@login_required
@require_GET
def job_download(request, token):
    job = services.job_from_token(token)
    if job is None:
        raise Http404
    _require(request, "exports.view_job", job)
    return file_response(request, job.file, FORMATS[job.format][0])


# Open data: public, anonymised datasets of each published consultation.


def open_datasets():
    return [dataset for dataset in datasets().values() if dataset.open_data and not dataset.personal_data]


@require_safe
def open_data_index(request):
    consultations = Consultation.objects.public().order_by("title")
    return render(request, "exports/open_data_index.html", {"consultations": consultations})


@require_safe
def open_data_consultation(request, slug):
    consultation = get_object_or_404(Consultation.objects.public(), slug=slug)
    scope = Scope(consultation=slug, open_data=True)
    entries = [{"dataset": dataset, "columns": dataset.columns(scope)} for dataset in open_datasets()]
    return render(request, "exports/open_data_consultation.html", {"consultation": consultation, "entries": entries})


@require_safe
def open_data_file(request, slug, dataset, fmt):
    consultation = get_object_or_404(Consultation.objects.public(), slug=slug)
    found = get_dataset(dataset)
    if found is None or found not in open_datasets() or fmt not in STREAMED_FORMATS:
        raise Http404
    scope = Scope(consultation=consultation.slug, open_data=True)
    response = _streaming_response(request, engine.stream(found, scope, fmt), found, scope, fmt)
    response["Content-Disposition"] = response["Content-Disposition"].replace("attachment", "inline")
    response["Cache-Control"] = "public, max-age=3600"
    response["Access-Control-Allow-Origin"] = "*"
    return response
