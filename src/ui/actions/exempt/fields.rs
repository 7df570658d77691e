//! The Exempt form: category, scope, expiry, justification. Vulnerability conditions (CVE,
//! minimum severity, no fix) are not offered: the 2024-08-01 API specification has no such field
//! (API.md §E2; only a documentation example shows `subAssessmentExemptionRule`).

use crate::domain::actions::{ExemptField, ExemptForm, ExemptPlan, ExemptScope};
use crate::domain::exemptions::Category;
use crate::ui::form::{Choice, Field, FieldSet, FormErrors, TextArea, TextInput};
use leptos::prelude::*;

#[component]
pub fn ExemptFields(
    form: RwSignal<ExemptForm>,
    errors: FormErrors<ExemptField, ExemptPlan>,
) -> impl IntoView {
    let set = move |change: fn(&mut ExemptForm, String)| {
        Callback::new(move |value: String| form.update(|f| change(f, value)))
    };
    let categories = Category::ALL
        .into_iter()
        .map(|c| {
            view! {
                <Choice
                    radio_group="exempt-category"
                    checked=Signal::derive(move || form.with(|f| f.category == c))
                    on_change=Callback::new(move |_| form.update(|f| f.category = c))
                >
                    {c.label()}
                </Choice>
            }
        })
        .collect_view();
    let scopes = [
        (
            ExemptScope::Resource,
            "Each finding's own resource (a container, a node pool, or the cluster)",
        ),
        (ExemptScope::Cluster, "The whole cluster"),
    ]
    .into_iter()
    .map(|(s, label)| {
        view! {
            <Choice
                radio_group="exempt-scope"
                checked=Signal::derive(move || form.with(|f| f.scope == s))
                on_change=Callback::new(move |_| form.update(|f| f.scope = s))
            >
                {label}
            </Choice>
        }
    })
    .collect_view();
    view! {
        <FieldSet legend="Category" field=ExemptField::Category>
            {categories}
        </FieldSet>
        <FieldSet legend="Applies to" field=ExemptField::Scope>
            {scopes}
        </FieldSet>
        <Field
            label="Expires on"
            field=ExemptField::Expiry
            error=errors.of(ExemptField::Expiry)
            hint="Leave empty for an exemption that never expires."
        >
            <TextInput
                kind="date"
                value=Signal::derive(move || form.with(|f| f.expiry.clone()))
                on_input=set(|f, v| f.expiry = v)
            />
        </Field>
        <Field
            label="Justification"
            field=ExemptField::Justification
            error=errors.of(ExemptField::Justification)
        >
            <TextArea
                value=Signal::derive(move || form.with(|f| f.justification.clone()))
                on_input=set(|f, v| f.justification = v)
            />
        </Field>
        <p class="form-field__hint">
            "Exempting by CVE, minimum severity or \"no fix available\" is not offered: the API's \
             specification has no such condition yet."
        </p>
    }
}
