-- Sessions stored by earlier versions hold the signed-in user's password hash in their security
-- context, and Spring Session rewrites an attribute only when it changes: an active session would
-- keep the hash for as long as it is used. Everyone signs in once more after this upgrade.
delete from spring_session_attributes;
delete from spring_session;
