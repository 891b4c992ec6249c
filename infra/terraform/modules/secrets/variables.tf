variable "stage" {
  description = "Stage name; part of every secret's name."
  type        = string
}

variable "recovery_window_days" {
  description = "Days a deleted secret can still be restored (0 in dev: delete at once)."
  type        = number
}
