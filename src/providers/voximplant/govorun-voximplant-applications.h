/* govorun-voximplant-applications.h
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/*
 * Applications, their scenarios and rules: Get/Add/Del for each,
 * SetScenarioInfo, SetRuleInfo and BindScenario. List methods take @count
 * and @offset (0: not sent, the server's default) and give "total_count"
 * (-1 when the answer does not say).
 */

typedef struct _GovorunVoximplantClient GovorunVoximplantClient;

typedef struct
{
  gint64    application_id;
  char     *application_name;       /* the full name: "<short>.<account>.voximplant.com" */
  char     *modified;               /* "YYYY-MM-DD HH:mm:ss" UTC; may be NULL */
  gboolean  secure_record_storage;
} GovorunVoximplantApplication;

typedef struct
{
  gint64    scenario_id;
  char     *scenario_name;
  char     *scenario_script;        /* only when asked for with_script; else NULL */
  char     *modified;               /* may be NULL */
  gboolean  parent;                 /* belongs to the parent account */
} GovorunVoximplantScenario;

typedef struct
{
  gint64    rule_id;
  gint64    application_id;         /* 0 when the answer does not say */
  char     *rule_name;
  char     *rule_pattern;
  char     *rule_pattern_exclude;   /* may be NULL */
  gboolean  video_conference;
  GArray   *scenario_ids;           /* gint64, in order; empty without with_scenarios */
  char     *modified;               /* may be NULL */
} GovorunVoximplantRule;

#define GOVORUN_TYPE_VOXIMPLANT_APPLICATION (govorun_voximplant_application_get_type ())
#define GOVORUN_TYPE_VOXIMPLANT_SCENARIO    (govorun_voximplant_scenario_get_type ())
#define GOVORUN_TYPE_VOXIMPLANT_RULE        (govorun_voximplant_rule_get_type ())

GType                         govorun_voximplant_application_get_type (void) G_GNUC_CONST;
GovorunVoximplantApplication *govorun_voximplant_application_copy     (const GovorunVoximplantApplication *application);
void                          govorun_voximplant_application_free     (GovorunVoximplantApplication       *application);
GType                         govorun_voximplant_scenario_get_type    (void) G_GNUC_CONST;
GovorunVoximplantScenario    *govorun_voximplant_scenario_copy        (const GovorunVoximplantScenario    *scenario);
void                          govorun_voximplant_scenario_free        (GovorunVoximplantScenario          *scenario);
GType                         govorun_voximplant_rule_get_type        (void) G_GNUC_CONST;
GovorunVoximplantRule        *govorun_voximplant_rule_copy            (const GovorunVoximplantRule        *rule);
void                          govorun_voximplant_rule_free            (GovorunVoximplantRule              *rule);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GovorunVoximplantApplication, govorun_voximplant_application_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GovorunVoximplantScenario, govorun_voximplant_scenario_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GovorunVoximplantRule, govorun_voximplant_rule_free)

/* @application_name: (nullable): matches part of the name
 * Returns: (transfer full) (element-type GovorunVoximplantApplication) */
void       govorun_voximplant_client_get_applications_async  (GovorunVoximplantClient *self,
                                                              const char              *application_name,
                                                              guint                    count,
                                                              guint                    offset,
                                                              GCancellable            *cancellable,
                                                              GAsyncReadyCallback      callback,
                                                              gpointer                 user_data);
GPtrArray *govorun_voximplant_client_get_applications_finish (GovorunVoximplantClient  *self,
                                                              GAsyncResult             *result,
                                                              gint64                   *total_count,
                                                              GError                  **error);

/* Returns: (transfer full): the new application's id and full name */
void       govorun_voximplant_client_add_application_async   (GovorunVoximplantClient *self,
                                                              const char              *application_name,
                                                              gboolean                 secure_record_storage,
                                                              GCancellable            *cancellable,
                                                              GAsyncReadyCallback      callback,
                                                              gpointer                 user_data);
GovorunVoximplantApplication *
           govorun_voximplant_client_add_application_finish  (GovorunVoximplantClient  *self,
                                                              GAsyncResult             *result,
                                                              GError                  **error);

void       govorun_voximplant_client_del_application_async   (GovorunVoximplantClient *self,
                                                              gint64                   application_id,
                                                              GCancellable            *cancellable,
                                                              GAsyncReadyCallback      callback,
                                                              gpointer                 user_data);
gboolean   govorun_voximplant_client_del_application_finish  (GovorunVoximplantClient  *self,
                                                              GAsyncResult             *result,
                                                              GError                  **error);

/* @scenario_id: 0 for any; @scenario_name: (nullable): matches part of
 * the name; @with_script: the texts too (Voximplant gives them only when
 * @scenario_id is set).
 * Returns: (transfer full) (element-type GovorunVoximplantScenario) */
void       govorun_voximplant_client_get_scenarios_async     (GovorunVoximplantClient *self,
                                                              gint64                   scenario_id,
                                                              const char              *scenario_name,
                                                              gboolean                 with_script,
                                                              guint                    count,
                                                              guint                    offset,
                                                              GCancellable            *cancellable,
                                                              GAsyncReadyCallback      callback,
                                                              gpointer                 user_data);
GPtrArray *govorun_voximplant_client_get_scenarios_finish    (GovorunVoximplantClient  *self,
                                                              GAsyncResult             *result,
                                                              gint64                   *total_count,
                                                              GError                  **error);

/* @scenario_script: (nullable); @application_id: 0 for none.
 * Returns: the new scenario_id, or 0 with @error set */
void       govorun_voximplant_client_add_scenario_async      (GovorunVoximplantClient *self,
                                                              const char              *scenario_name,
                                                              const char              *scenario_script,
                                                              gint64                   application_id,
                                                              GCancellable            *cancellable,
                                                              GAsyncReadyCallback      callback,
                                                              gpointer                 user_data);
gint64     govorun_voximplant_client_add_scenario_finish     (GovorunVoximplantClient  *self,
                                                              GAsyncResult             *result,
                                                              GError                  **error);

/* @scenario_name, @scenario_script: (nullable): NULL leaves it as is */
void       govorun_voximplant_client_set_scenario_info_async (GovorunVoximplantClient *self,
                                                              gint64                   scenario_id,
                                                              const char              *scenario_name,
                                                              const char              *scenario_script,
                                                              GCancellable            *cancellable,
                                                              GAsyncReadyCallback      callback,
                                                              gpointer                 user_data);
gboolean   govorun_voximplant_client_set_scenario_info_finish (GovorunVoximplantClient  *self,
                                                               GAsyncResult             *result,
                                                               GError                  **error);

void       govorun_voximplant_client_del_scenario_async      (GovorunVoximplantClient *self,
                                                              gint64                   scenario_id,
                                                              GCancellable            *cancellable,
                                                              GAsyncReadyCallback      callback,
                                                              gpointer                 user_data);
gboolean   govorun_voximplant_client_del_scenario_finish     (GovorunVoximplantClient  *self,
                                                              GAsyncResult             *result,
                                                              GError                  **error);

/* Binds (@bind TRUE) or unbinds the scenarios to the rule of the
 * application. */
void       govorun_voximplant_client_bind_scenario_async     (GovorunVoximplantClient *self,
                                                              const gint64            *scenario_ids,
                                                              gsize                    n_scenario_ids,
                                                              gint64                   rule_id,
                                                              gint64                   application_id,
                                                              gboolean                 bind,
                                                              GCancellable            *cancellable,
                                                              GAsyncReadyCallback      callback,
                                                              gpointer                 user_data);
gboolean   govorun_voximplant_client_bind_scenario_finish    (GovorunVoximplantClient  *self,
                                                              GAsyncResult             *result,
                                                              GError                  **error);

/* @with_scenarios: fill each rule's scenario_ids.
 * Returns: (transfer full) (element-type GovorunVoximplantRule) */
void       govorun_voximplant_client_get_rules_async         (GovorunVoximplantClient *self,
                                                              gint64                   application_id,
                                                              gboolean                 with_scenarios,
                                                              guint                    count,
                                                              guint                    offset,
                                                              GCancellable            *cancellable,
                                                              GAsyncReadyCallback      callback,
                                                              gpointer                 user_data);
GPtrArray *govorun_voximplant_client_get_rules_finish        (GovorunVoximplantClient  *self,
                                                              GAsyncResult             *result,
                                                              gint64                   *total_count,
                                                              GError                  **error);

/* @scenario_id: 0 for none.
 * Returns: the new rule_id, or 0 with @error set */
void       govorun_voximplant_client_add_rule_async          (GovorunVoximplantClient *self,
                                                              gint64                   application_id,
                                                              const char              *rule_name,
                                                              const char              *rule_pattern,
                                                              gint64                   scenario_id,
                                                              GCancellable            *cancellable,
                                                              GAsyncReadyCallback      callback,
                                                              gpointer                 user_data);
gint64     govorun_voximplant_client_add_rule_finish         (GovorunVoximplantClient  *self,
                                                              GAsyncResult             *result,
                                                              GError                  **error);

/* @rule_name, @rule_pattern: (nullable): NULL leaves it as is */
void       govorun_voximplant_client_set_rule_info_async     (GovorunVoximplantClient *self,
                                                              gint64                   rule_id,
                                                              const char              *rule_name,
                                                              const char              *rule_pattern,
                                                              GCancellable            *cancellable,
                                                              GAsyncReadyCallback      callback,
                                                              gpointer                 user_data);
gboolean   govorun_voximplant_client_set_rule_info_finish    (GovorunVoximplantClient  *self,
                                                              GAsyncResult             *result,
                                                              GError                  **error);

/* @application_id: the rule's application (0: not sent) */
void       govorun_voximplant_client_del_rule_async          (GovorunVoximplantClient *self,
                                                              gint64                   rule_id,
                                                              gint64                   application_id,
                                                              GCancellable            *cancellable,
                                                              GAsyncReadyCallback      callback,
                                                              gpointer                 user_data);
gboolean   govorun_voximplant_client_del_rule_finish         (GovorunVoximplantClient  *self,
                                                              GAsyncResult             *result,
                                                              GError                  **error);

G_END_DECLS
