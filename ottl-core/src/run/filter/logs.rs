//! Filtering logs: resources, then their scopes, then their log records.

use super::{FilterError, FilterGroup, Parents, Report, Walk, fresh};
use crate::context::TransformContext;
use crate::model::{Logs, Map};

impl FilterGroup {
    /// Removes from `logs` the resources, scopes and log records the group's conditions match,
    /// and the containers left empty (see the [module](super) for the rules). Condition
    /// failures under `Ignore` go to `report`; under `Propagate` they come back together,
    /// after the whole batch was filtered.
    pub fn filter_logs(&self, logs: &mut Logs, report: Report<'_>) -> Result<(), FilterError> {
        let mut walk = Walk::new(report);
        let mut cache = Map::new();
        let lower = self.has_lower_levels();
        let mut next_resource = 0;
        logs.resource_logs.retain_mut(|entry| {
            let r = next_resource;
            next_resource += 1;
            let at = || format!("resourceLogs[{r}]");
            if let Some(level) = &self.resource {
                let ctx = TransformContext::resource(
                    &mut entry.resource,
                    &mut entry.schema_url,
                    fresh(&mut cache),
                );
                if walk.holds(level, &at, ctx) {
                    return false;
                }
            }
            if !lower {
                return !entry.scope_logs.is_empty();
            }
            let (resource, resource_url) = (&mut entry.resource, &mut entry.schema_url);
            let mut next_scope = 0;
            entry.scope_logs.retain_mut(|scope| {
                let s = next_scope;
                next_scope += 1;
                let at = || format!("resourceLogs[{r}].scopeLogs[{s}]");
                let mut parents = Parents {
                    resource,
                    resource_url,
                    scope: &mut scope.scope,
                    scope_url: &mut scope.schema_url,
                    cache: &mut cache,
                };
                if let Some(level) = &self.scope
                    && walk.holds(level, &at, parents.context())
                {
                    return false;
                }
                if let Some(level) = &self.item {
                    let mut next_log = 0;
                    scope.log_records.retain_mut(|log| {
                        let l = next_log;
                        next_log += 1;
                        let at = || format!("{}.logRecords[{l}]", at());
                        !walk.holds(level, &at, parents.context().log(log))
                    });
                }
                !scope.log_records.is_empty()
            });
            !entry.scope_logs.is_empty()
        });
        walk.finish()
    }
}
