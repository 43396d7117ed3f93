//! Image events for the event log (`hutch events`); container events are written by the
//! container lifecycle in the same transaction as the change they describe.

use hutch_state::{Db, NewEvent};

/// Records an image event; a failure is logged, never fatal to the operation it describes.
pub fn image(db: &mut Db, action: &str, id: &str, name: &str) {
    let ev = NewEvent {
        kind: "image".into(),
        action: action.into(),
        id: id.into(),
        name: name.into(),
        attributes: serde_json::json!({"name": name}).to_string(),
    };
    if let Err(e) = db.add_event(&ev) {
        tracing::warn!("image {id}: recording the {action} event: {e}");
    }
}
