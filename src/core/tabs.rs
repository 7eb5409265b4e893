//! Two tabs, one workspace: which tab may edit, and what an action does in a
//! tab that may not.
//!
//! One tab is the *writer*: it holds the browser's `wasim-writer` lock and
//! is the only one that saves. The others are *readers*: they show the
//! latest saved work and refuse every edit, saying why
//! (`Key::ReadOnlyTab`), until the user takes over there. Saves are fenced by a writer *epoch* stored with
//! the workspace: taking over increments it, and a save lands only when the
//! stored epoch is still the saving tab's own ([`may_write`]). The browser
//! side is in `platform::tabs` and `platform::storage`; this module holds
//! the decisions, so that they are tested natively.

/// What this tab may do with the shared workspace.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Role {
    /// Not known yet (start-up): edits wait for nothing, since nothing is
    /// shown before the role is known.
    Unknown,
    /// This tab holds the writer lock: it edits and saves.
    Writer,
    /// Another tab is the writer: this one shows the work, read-only.
    Reader,
    /// The browser cannot coordinate tabs (no Web Locks): this tab edits
    /// and saves as if it were alone, and the last tab to save wins.
    Alone,
}

impl Role {
    /// Whether edits are allowed in this tab.
    pub fn can_edit(self) -> bool {
        matches!(self, Role::Writer | Role::Alone | Role::Unknown)
    }

    /// Whether this tab writes its workspace to storage.
    pub fn saves(self) -> bool {
        matches!(self, Role::Writer | Role::Alone)
    }
}

/// What a user action does to the shared workspace.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Attempt {
    /// Looks, selects, opens, exports: changes nothing that is saved for
    /// the other tabs.
    Read,
    /// Changes the workspace (documents, spans, labels, history).
    Edit,
}

/// What the reducer does with an attempt.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Verdict {
    /// Carry it out.
    Allow,
    /// Do nothing to the workspace and say why (`Key::ReadOnlyTab`).
    Refuse,
}

/// Whether `attempt` may be carried out in a tab with `role`.
pub fn decide(role: Role, attempt: Attempt) -> Verdict {
    match attempt {
        Attempt::Read => Verdict::Allow,
        Attempt::Edit if role.can_edit() => Verdict::Allow,
        Attempt::Edit => Verdict::Refuse,
    }
}

/// The epoch a tab taking over writes, given the stored one (`None` when
/// none was ever stored).
pub fn next_epoch(stored: Option<u64>) -> u64 {
    stored.unwrap_or(0).saturating_add(1)
}

/// Whether a save by the writer of epoch `own` may land, given the epoch
/// stored now: only when no other tab took over since.
pub fn may_write(stored: Option<u64>, own: u64) -> bool {
    stored.unwrap_or(0) == own
}

/// What another tab said on the channel.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum News {
    /// The writer saved: the stored workspace changed.
    Saved,
    /// Another tab took the workspace over.
    NewWriter,
    /// The writer's page is going away (closed or reloaded): a read-only
    /// tab may become the writer, if the lock is still free a moment later.
    WriterLeft,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_readers_refuse_edits() {
        for role in [Role::Unknown, Role::Writer, Role::Reader, Role::Alone] {
            assert_eq!(decide(role, Attempt::Read), Verdict::Allow);
        }
        assert_eq!(decide(Role::Writer, Attempt::Edit), Verdict::Allow);
        assert_eq!(decide(Role::Alone, Attempt::Edit), Verdict::Allow);
        assert_eq!(decide(Role::Reader, Attempt::Edit), Verdict::Refuse);
    }

    #[test]
    fn readers_and_unknown_tabs_never_save() {
        assert!(Role::Writer.saves());
        assert!(Role::Alone.saves());
        assert!(!Role::Reader.saves());
        assert!(!Role::Unknown.saves());
    }

    #[test]
    fn taking_over_fences_the_former_writer() {
        let first = next_epoch(None);
        assert!(may_write(Some(first), first));
        let second = next_epoch(Some(first));
        assert_ne!(first, second);
        // The former writer's save, started before it learnt of the steal,
        // does not land; the new writer's does.
        assert!(!may_write(Some(second), first));
        assert!(may_write(Some(second), second));
    }

    #[test]
    fn a_workspace_saved_before_epochs_is_epoch_zero() {
        assert!(may_write(None, 0));
        assert!(!may_write(None, 1));
        assert_eq!(next_epoch(None), 1);
        assert_eq!(next_epoch(Some(u64::MAX)), u64::MAX);
    }
}
