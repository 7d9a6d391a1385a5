//! Filtering logs: resources, then their scopes, then their log records.

use super::{FilterError, FilterGroup, Report};
use crate::context::{NO_REQUEST, Request};
use crate::model::Logs;

impl FilterGroup {
    /// Removes from `logs` the resources, scopes and log records the group's conditions match,
    /// and the containers left empty (see [`FilterGroup`] for the rules). Condition
    /// failures under `Ignore` go to `report`; under `Propagate` they come back together,
    /// after the whole batch was filtered.
    pub fn filter_logs(&self, logs: &mut Logs, report: Report<'_>) -> Result<(), FilterError> {
        self.filter_logs_for(logs, &NO_REQUEST, 0, report)
    }

    /// Like [`FilterGroup::filter_logs`], for a batch that arrived with `request` (what the
    /// `otelcol.*` paths read) and that holds the resources of a larger one from number
    /// `first_resource` on (how failures name records; 0 for a whole batch).
    pub fn filter_logs_for(
        &self,
        logs: &mut Logs,
        request: &Request,
        first_resource: usize,
        report: Report<'_>,
    ) -> Result<(), FilterError> {
        let names = ["resourceLogs", "scopeLogs"];
        self.filter_entries(
            &mut logs.resource_logs,
            (names, first_resource),
            request,
            report,
            |logs, parents, walk, at| {
                let Some(level) = &self.item else {
                    return;
                };
                let mut next_log = 0;
                logs.retain_mut(|log| {
                    let l = next_log;
                    next_log += 1;
                    let at = || format!("{}.logRecords[{l}]", at());
                    !walk.holds(level, &at, parents.context().log(log))
                });
            },
        )
    }
}
