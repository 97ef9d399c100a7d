"""Python side of the hello-world example: called from Go, and calling Go through `api`."""

import api

size = 0


def hello(name: str) -> str:
    print("Python >> Hello, " + name)
    return "You are " + name


def goodbye() -> None:
    print("Python >> Calling Go functions")
    api.say_goodbye()


def bad() -> None:
    raise Exception("this is a Python exception")


def say_name() -> None:
    print("Python >> The name is " + api.concat("Tal", "Liron"))


def grow(n: int) -> None:
    """Mutates module state; Go calls it from many goroutines."""
    global size
    size += n


class Person:
    def __init__(self, name: str) -> None:
        self.name = name

    def greet(self) -> None:
        print("Python >> Greetings, " + self.name)


person = Person("Linus")
