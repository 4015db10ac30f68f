/* Small helpers shared by the N-API glue: argument checking and errno errors. */
#ifndef JCSH_NAPI_UTIL_H
#define JCSH_NAPI_UTIL_H

#define NAPI_VERSION 8
#include <node_api.h>
#include <sys/stat.h>
#include <stddef.h>

/* Every helper that fails has already thrown; callers return NULL at once. */

/* Throws Error("<syscall>: <strerror>") with .code = errno name, .errno, .syscall. */
napi_value jcsh_throw_errno(napi_env env, int err, const char *syscall);
/* Throws TypeError with .code = 'ERR_INVALID_ARG_TYPE'. */
napi_value jcsh_throw_type(napi_env env, const char *what);

/* Fetches exactly `want` arguments (missing ones are undefined). */
int jcsh_args(napi_env env, napi_callback_info info, size_t want, napi_value *argv);

int jcsh_get_int(napi_env env, napi_value v, const char *what, int *out);
int jcsh_get_bool(napi_env env, napi_value v, const char *what, int *out);
/* malloc'd copy; free() it. */
int jcsh_get_string(napi_env env, napi_value v, const char *what, char **out);
/* malloc'd NULL-terminated array of malloc'd strings; free with jcsh_free_strings. */
int jcsh_get_strings(napi_env env, napi_value v, const char *what, char ***out);
void jcsh_free_strings(char **list);
/* malloc'd array of ints and its length. */
int jcsh_get_ints(napi_env env, napi_value v, const char *what, int **out, int *len);
/* Bytes of a Uint8Array (Buffer included); not copied. */
int jcsh_get_bytes(napi_env env, napi_value v, const char *what, void **data, size_t *len);
/* The (fd, bytes) arguments of a write and what the fd is (fstat); 0 after throwing. */
int jcsh_write_args(napi_env env, napi_callback_info info, int *fd, void **data, size_t *len, struct stat *st);

/* Property of an object, or undefined. */
napi_value jcsh_prop(napi_env env, napi_value obj, const char *name);
int jcsh_is_nullish(napi_env env, napi_value v);

napi_value jcsh_int(napi_env env, int n);
napi_value jcsh_bool(napi_env env, int b);
napi_value jcsh_str(napi_env env, const char *s);
napi_value jcsh_undefined(napi_env env);
napi_value jcsh_null(napi_env env);

/* Registers a function property on exports. */
void jcsh_export(napi_env env, napi_value exports, const char *name, napi_callback fn);
void jcsh_export_value(napi_env env, napi_value exports, const char *name, napi_value v);

#endif
