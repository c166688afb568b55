from django.urls import path

from . import notification_views, views


app_name = "referents"

urlpatterns = [
    path("ambassador-programme/", views.ambassador_programme, name="programme"),
    path("ambassador-programme/join/", views.join_programme, name="join"),
    path("ambassador-programme/profile/", views.update_profile, name="profile"),
    path("ambassador-programme/leave/", views.leave_programme, name="leave"),
    path("ask-a-referent/", views.ask_referent, name="ask"),
    path("ask-a-referent/sent/", views.ask_sent, name="ask_sent"),
    path("my-referent/", views.choose_my_referent, name="choose"),
    path("my-referent/forget/", views.forget_my_referent, name="forget"),
    path("what-we-see/", views.what_we_see, name="transparency"),
    path("my-data/download/", views.download_my_data, name="download_my_data"),
    path("my-data/erase/", views.erase_my_data, name="erase_my_data"),
    path("my-data/erased/", views.data_erased, name="data_erased"),
    path(
        "my-notifications/", notification_views.my_notifications, name="notifications"
    ),
    path(
        "my-notifications/digest/",
        notification_views.choose_digest,
        name="choose_digest",
    ),
    path(
        "my-notifications/feed-addresses/",
        notification_views.new_feed_key,
        name="new_feed_key",
    ),
    path(
        "my-notifications/feed-addresses/stop/",
        notification_views.stop_feed_key,
        name="stop_feed_key",
    ),
    path(
        "digest/unsubscribe/<str:token>/",
        notification_views.unsubscribe,
        name="unsubscribe",
    ),
]
