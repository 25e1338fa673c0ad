"""Rules of shifts. Views, commands and tasks call these, nothing else.

- `planning`: the Verein copies shifts from one offer to another, moved by some days
- `booking`: sign-up (on the application flow), cancellation, the waiting list moving up
- `notices`: reminders with .ics, messages to a shift, alerts for shifts short of people
"""
