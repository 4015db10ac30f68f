echo $((1/0)); echo in2
echo in3 $?
