package com.civilsafety.ledger.notification;

/** A transaction asked for notices: once it commits, the relay tells them. */
record NoticesRequested() {
}
