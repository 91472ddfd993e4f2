from django.urls import path

from printing import views

app_name = "printing"

urlpatterns = [
    path(
        "artikel/<slug:slug>/drucken/",
        views.ArticlePrintView.as_view(),
        name="print",
    ),
    path("artikel/<slug:slug>/pdf/", views.article_pdf, name="pdf"),
]
