-- Schema version 3: the merge-candidate lookup (same type, dates within a day, coordinates in a
-- box around the new event) decided in the index. With `events_type_date` alone every event of
-- the type and days was read from the table to test its coordinates, and that grew with the
-- store (a 1,000-report batch read tens of thousands of rows once it held 50,000 events).
-- Conditions on latitude and longitude are checked on the index entries, so only the few
-- events in the box are read (SQLite's events_type_date carries the coordinates for the same
-- reason).
CREATE INDEX events_type_date_geo ON events(event_type, sort_date, latitude, longitude);
