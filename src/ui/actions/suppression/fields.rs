//! The suppression rule form: name, alert type (fixed), conditions, reason, expiry, comment.

use crate::domain::actions::SuppressionReason;
use crate::domain::actions::{SuppressionField, SuppressionForm, SuppressionPlan};
use crate::ui::form::{Choice, Field, FieldSet, FormErrors, Select, TextArea, TextInput};
use crate::ui::shown;
use leptos::prelude::*;

#[component]
pub fn RuleFields(
    form: RwSignal<SuppressionForm>,
    errors: FormErrors<SuppressionField, SuppressionPlan>,
) -> impl IntoView {
    let text = move |read: fn(&SuppressionForm) -> String| Signal::derive(move || form.with(read));
    let set = move |change: fn(&mut SuppressionForm, String)| {
        Callback::new(move |value: String| form.update(|f| change(f, value)))
    };
    use SuppressionField as F;
    view! {
        <Field label="Rule name" field=F::Name error=errors.of(F::Name)>
            <TextInput value=text(|f| f.name.clone()) on_input=set(|f, v| f.name = v) />
        </Field>
        <Field label="Alert type" field=F::AlertType>
            <TextInput value=text(|f| f.alert_type.clone()) />
        </Field>
        <FieldSet legend="Conditions (all must match)" field=F::Scope error=errors.of(F::Scope)>
            <Conditions form=form />
        </FieldSet>
        <Field label="Reason" field=F::Reason>
            <Select on_change=Callback::new(move |wire: String| {
                form.update(|f| f.reason = SuppressionReason::parse(&wire))
            })>
                {SuppressionReason::ALL
                    .into_iter()
                    .map(|r| {
                        view! {
                            <option value=r.wire() selected=move || form.with(|f| f.reason == r)>
                                {r.label()}
                            </option>
                        }
                    })
                    .collect_view()}
            </Select>
        </Field>
        <Field
            label="Expires on"
            field=F::Expiry
            error=errors.of(F::Expiry)
            hint="Leave empty for a rule that never expires."
        >
            <TextInput
                kind="date"
                value=text(|f| f.expiry.clone())
                on_input=set(|f, v| f.expiry = v)
            />
        </Field>
        <Field label="Comment" field=F::Comment error=errors.of(F::Comment)>
            <TextArea value=text(|f| f.comment.clone()) on_input=set(|f, v| f.comment = v) />
        </Field>
    }
}

/// One checkbox per condition the alert offers; the condition's text is Azure's, shown as text.
/// Built once (the conditions offered do not change), so ticking one keeps keyboard focus.
#[component]
fn Conditions(form: RwSignal<SuppressionForm>) -> impl IntoView {
    let offered: Vec<_> = form.with_untracked(|f| f.scope.iter().map(|(c, _)| c.clone()).collect());
    offered
        .into_iter()
        .enumerate()
        .map(|(i, choice)| {
            view! {
                <Choice
                    checked=Signal::derive(move || form.with(|f| f.scope[i].1))
                    on_change=Callback::new(move |on| form.update(|f| f.scope[i].1 = on))
                >
                    {shown(&choice.label)}
                    <code class="choice__detail">{shown(&choice.sentence())}</code>
                </Choice>
            }
        })
        .collect_view()
}
