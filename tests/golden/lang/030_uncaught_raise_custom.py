# uncaught explicit raise with a message, chained from a KeyError
config = {"width": 80}
def get_setting(name):
    try:
        return config[name]
    except KeyError as e:
        raise ValueError(f"missing setting {name!r}") from e
print("width", get_setting("width"))
print("height", get_setting("height"))
