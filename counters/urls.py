app_name = "counters"

urlpatterns = []
