// Placeholder until the host is wired.
return 0;
