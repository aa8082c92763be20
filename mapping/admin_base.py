"""What every ModelAdmin of the project shares."""


class BlankToFieldMeansPrimaryKey:
    """An empty `?_to_field=` on a change or delete page reaches Django's ModelAdmin.get_object
    as "" (Django 5.2 checks the parameter with `if to_field and ...` but then passes it on),
    which looks for a field named "" and fails with FieldDoesNotExist: a 500. Empty means the
    primary key, as when the parameter is absent."""

    def get_object(self, request, object_id, from_field=None):
        return super().get_object(request, object_id, from_field or None)
