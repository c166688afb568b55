from django.contrib.auth import get_user_model

import factory


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        django_get_or_create = ("username",)

    username = factory.Sequence(lambda n: f"user{n}")
    email = factory.LazyAttribute(lambda user: f"{user.username}@chorus.example")
    first_name = "Camille"
    last_name = factory.Sequence(lambda n: f"Person{n}")
    password = factory.django.Password("a-good-password-123")
