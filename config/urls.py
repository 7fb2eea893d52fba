from django.contrib import admin
from django.urls import include, path

urlpatterns = [
    path("admin/", admin.site.urls),
    path("", include("catalogue.urls")),
]

handler404 = "catalogue.views.errors.page_not_found"
handler400 = "catalogue.views.errors.bad_request"
handler403 = "catalogue.views.errors.permission_denied"
handler500 = "catalogue.views.errors.server_error"
