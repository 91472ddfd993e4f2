app_name = "ratings"

urlpatterns = []
