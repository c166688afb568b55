"""Demo accounts, one per role, with development-only passwords."""

from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db import transaction

from .roles import AMBASSADORS, EDITORS, EMPLOYEES, REFERENTS, ensure_roles


@dataclass(frozen=True)
class DemoAccount:
    username: str
    password: str
    role: str
    first_name: str
    last_name: str
    groups: tuple = ()
    is_superuser: bool = False


DEMO_ACCOUNTS = [
    DemoAccount("employee", "employee-demo", "employee", "Léa", "Martin", (EMPLOYEES,)),
    DemoAccount(
        "editor",
        "editor-demo",
        "editor (communications)",
        "Hugo",
        "Bernard",
        (EMPLOYEES, EDITORS),
    ),
    DemoAccount(
        "ambassador",
        "ambassador-demo",
        "ambassador",
        "Inès",
        "Moreau",
        (EMPLOYEES, AMBASSADORS),
    ),
    DemoAccount(
        "referent",
        "referent-demo",
        "referent",
        "Samir",
        "Haddad",
        (EMPLOYEES, REFERENTS),
    ),
    DemoAccount(
        "admin", "admin-demo", "administrator", "Alex", "Durand", (EMPLOYEES,), True
    ),
]


@transaction.atomic
def load(home=None):
    ensure_roles()
    User = get_user_model()
    for account in DEMO_ACCOUNTS:
        user, _ = User.objects.get_or_create(username=account.username)
        user.first_name, user.last_name = account.first_name, account.last_name
        user.email = f"{account.username}@chorus.example"
        user.is_superuser = user.is_staff = account.is_superuser
        user.set_password(account.password)
        user.save()
        user.groups.set(Group.objects.filter(name__in=account.groups))
    return DEMO_ACCOUNTS
