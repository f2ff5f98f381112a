/* govorun-plan.h
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/*
 * A plan says what deploying an agent would do in its Voximplant account,
 * one step per object; views show it, the provisioner makes and follows it.
 */

typedef enum
{
  GOVORUN_PLAN_CREATE,
  GOVORUN_PLAN_REUSE,
  GOVORUN_PLAN_UPDATE,
  GOVORUN_PLAN_BIND,
  GOVORUN_PLAN_UNBIND,
  GOVORUN_PLAN_DELETE,
} GovorunPlanAction;

typedef struct
{
  char              *id;           /* stable: "application", "scenario-inbound", "rule-inbound", "bind-<phone_id>", … */
  GovorunPlanAction  action;
  char              *object_type;  /* "application", "scenario", "rule", "binding" */
  char              *name;         /* provider-side name, or the number */
  char              *description;  /* a translated sentence for people */
} GovorunPlanStep;

typedef struct
{
  GPtrArray *steps;                /* of GovorunPlanStep */
} GovorunPlan;

typedef enum
{
  GOVORUN_STEP_PENDING,
  GOVORUN_STEP_RUNNING,
  GOVORUN_STEP_DONE,
  GOVORUN_STEP_FAILED,
  GOVORUN_STEP_SKIPPED,
} GovorunStepState;

#define GOVORUN_TYPE_PLAN_ACTION (govorun_plan_action_get_type ())
#define GOVORUN_TYPE_STEP_STATE  (govorun_step_state_get_type ())
#define GOVORUN_TYPE_PLAN_STEP   (govorun_plan_step_get_type ())
#define GOVORUN_TYPE_PLAN        (govorun_plan_get_type ())

GType            govorun_plan_action_get_type (void) G_GNUC_CONST;
GType            govorun_step_state_get_type  (void) G_GNUC_CONST;
GType            govorun_plan_step_get_type   (void) G_GNUC_CONST;
GovorunPlanStep *govorun_plan_step_new        (const char            *id,
                                               GovorunPlanAction      action,
                                               const char            *object_type,
                                               const char            *name,
                                               const char            *description);
GovorunPlanStep *govorun_plan_step_copy       (const GovorunPlanStep *step);
void             govorun_plan_step_free       (GovorunPlanStep       *step);
GType            govorun_plan_get_type        (void) G_GNUC_CONST;
/* An empty plan; steps are added to plan->steps. */
GovorunPlan     *govorun_plan_new             (void);
GovorunPlan     *govorun_plan_copy            (const GovorunPlan     *plan);
void             govorun_plan_free            (GovorunPlan           *plan);
/* The step with @id, or NULL. */
GovorunPlanStep *govorun_plan_find_step       (GovorunPlan           *plan,
                                               const char            *id);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GovorunPlanStep, govorun_plan_step_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GovorunPlan, govorun_plan_free)

G_END_DECLS
