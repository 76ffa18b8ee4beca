print("loanctl: under construction")
