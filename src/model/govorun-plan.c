/* govorun-plan.c
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "govorun-plan.h"

G_DEFINE_ENUM_TYPE (GovorunPlanAction, govorun_plan_action,
  G_DEFINE_ENUM_VALUE (GOVORUN_PLAN_CREATE, "create"),
  G_DEFINE_ENUM_VALUE (GOVORUN_PLAN_REUSE, "reuse"),
  G_DEFINE_ENUM_VALUE (GOVORUN_PLAN_UPDATE, "update"),
  G_DEFINE_ENUM_VALUE (GOVORUN_PLAN_BIND, "bind"),
  G_DEFINE_ENUM_VALUE (GOVORUN_PLAN_UNBIND, "unbind"),
  G_DEFINE_ENUM_VALUE (GOVORUN_PLAN_DELETE, "delete"))

G_DEFINE_ENUM_TYPE (GovorunStepState, govorun_step_state,
  G_DEFINE_ENUM_VALUE (GOVORUN_STEP_PENDING, "pending"),
  G_DEFINE_ENUM_VALUE (GOVORUN_STEP_RUNNING, "running"),
  G_DEFINE_ENUM_VALUE (GOVORUN_STEP_DONE, "done"),
  G_DEFINE_ENUM_VALUE (GOVORUN_STEP_FAILED, "failed"),
  G_DEFINE_ENUM_VALUE (GOVORUN_STEP_SKIPPED, "skipped"))

G_DEFINE_BOXED_TYPE (GovorunPlanStep, govorun_plan_step, govorun_plan_step_copy, govorun_plan_step_free)
G_DEFINE_BOXED_TYPE (GovorunPlan, govorun_plan, govorun_plan_copy, govorun_plan_free)

GovorunPlanStep *
govorun_plan_step_new (const char        *id,
                       GovorunPlanAction  action,
                       const char        *object_type,
                       const char        *name,
                       const char        *description)
{
  GovorunPlanStep *step = g_new0 (GovorunPlanStep, 1);

  step->id = g_strdup (id);
  step->action = action;
  step->object_type = g_strdup (object_type);
  step->name = g_strdup (name);
  step->description = g_strdup (description);
  return step;
}

GovorunPlanStep *
govorun_plan_step_copy (const GovorunPlanStep *step)
{
  g_return_val_if_fail (step != NULL, NULL);

  return govorun_plan_step_new (step->id, step->action, step->object_type, step->name, step->description);
}

void
govorun_plan_step_free (GovorunPlanStep *step)
{
  if (step == NULL)
    return;
  g_free (step->id);
  g_free (step->object_type);
  g_free (step->name);
  g_free (step->description);
  g_free (step);
}

GovorunPlan *
govorun_plan_new (void)
{
  GovorunPlan *plan = g_new0 (GovorunPlan, 1);

  plan->steps = g_ptr_array_new_with_free_func ((GDestroyNotify) govorun_plan_step_free);
  return plan;
}

GovorunPlan *
govorun_plan_copy (const GovorunPlan *plan)
{
  GovorunPlan *copy;

  g_return_val_if_fail (plan != NULL, NULL);

  copy = govorun_plan_new ();
  for (guint i = 0; i < plan->steps->len; i++)
    g_ptr_array_add (copy->steps, govorun_plan_step_copy (g_ptr_array_index (plan->steps, i)));
  return copy;
}

void
govorun_plan_free (GovorunPlan *plan)
{
  if (plan == NULL)
    return;
  g_ptr_array_unref (plan->steps);
  g_free (plan);
}

GovorunPlanStep *
govorun_plan_find_step (GovorunPlan *plan,
                        const char  *id)
{
  g_return_val_if_fail (plan != NULL, NULL);

  for (guint i = 0; i < plan->steps->len; i++)
    {
      GovorunPlanStep *step = g_ptr_array_index (plan->steps, i);

      if (g_strcmp0 (step->id, id) == 0)
        return step;
    }
  return NULL;
}
